import { View } from '@tarojs/components'
import { ListRow } from '../../components/list-row'
import { ArticlesPreview } from '../../features/articles/components/articles-preview'
import { LatestBulletin } from '../../features/bulletins/components/latest-bulletin'
import { useTabBadge } from '../../features/notices/use-tab-badge'
import { StatsOverview } from '../../features/stats/components/stats-overview'
import { t } from '../../i18n'
import { openPage, routes } from '../../utils/routes'
import { PageFrame } from '../../components/page-frame'

export default function InfoPage() {
  useTabBadge(false)
  return (
    <PageFrame className='page-info'>
      {/* A parent's reading first (guides, the newest bulletin, sanctions); the province's figures after. */}
      <ArticlesPreview onOpen={(id) => openPage(routes.article(id))} onMore={() => openPage(routes.articles)} />
      <LatestBulletin onOpen={(id) => openPage(routes.bulletin(id))} onMore={() => openPage(routes.bulletins)} />
      <View className='list-group'>
        <ListRow title={t('info.sanctions')} extra={t('info.sanctionsHint')} onClick={() => openPage(routes.sanctions)} />
      </View>
      <StatsOverview />
    </PageFrame>
  )
}
