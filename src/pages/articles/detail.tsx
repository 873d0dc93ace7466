import { useRouter } from '@tarojs/taro'
import { ArticleDetail } from '../../features/articles/components/article-detail'
import { PageFrame } from '../../components/page-frame'

export default function ArticleDetailPage() {
  const { id } = useRouter().params
  return <PageFrame className='page-article'>{id ? <ArticleDetail id={id} /> : null}</PageFrame>
}
