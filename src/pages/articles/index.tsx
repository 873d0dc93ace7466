import { ArticlesBrowser } from '../../features/articles/components/articles-browser'
import { openPage, routes } from '../../utils/routes'
import { PageFrame } from '../../components/page-frame'

export default function ArticlesPage() {
  return (
    <PageFrame className='page-articles'>
      <ArticlesBrowser onOpen={(id) => openPage(routes.article(id))} />
    </PageFrame>
  )
}
