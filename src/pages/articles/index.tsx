import { View } from '@tarojs/components'
import { ArticlesBrowser } from '../../features/articles/components/articles-browser'
import { openPage, routes } from '../../utils/routes'

export default function ArticlesPage() {
  return (
    <View className='page-articles'>
      <ArticlesBrowser onOpen={(id) => openPage(routes.article(id))} />
    </View>
  )
}
