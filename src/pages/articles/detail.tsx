import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { ArticleDetail } from '../../features/articles/components/article-detail'

export default function ArticleDetailPage() {
  const { id } = useRouter().params
  return <View className='page-article'>{id ? <ArticleDetail id={id} /> : null}</View>
}
