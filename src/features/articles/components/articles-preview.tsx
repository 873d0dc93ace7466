import { Text, View } from '@tarojs/components'
import { Section } from '../../../components/section'
import { t } from '../../../i18n'
import { useQuery } from '../../../services/server-data'
import { articlesOverview } from '../queries'
import { ArticleRow } from './article-row'
import { pressable } from '../../../components/a11y'
import './articles.scss'

type Props = { onOpen: (id: string) => void; onMore: () => void }

/** On the 资讯 tab: pinned articles and the latest three, with 更多 to the full list. */
export function ArticlesPreview({ onOpen, onMore }: Props) {
  const overview = useQuery(articlesOverview)
  const items = overview.data ? [...overview.data.pinned, ...overview.data.latest] : []
  return (
    <Section
      title={t('info.policies')}
      className='articles-preview'
      extra={
        <View className='articles__more' {...pressable('link')} onClick={onMore}>
          {t('info.more')}
        </View>
      }
    >
      {overview.status === 'loading' ? <View className='articles__loading'>{t('common.loading')}</View> : null}
      {overview.status === 'error' && !overview.data ? (
        <View {...pressable('button')} className='articles__muted' onClick={() => void overview.refetch()}>
          {t('articles.loadFailed')} · {t('common.retry')}
        </View>
      ) : null}
      {overview.status === 'ready' && items.length === 0 ? <Text className='articles__muted'>{t('info.policiesEmpty')}</Text> : null}
      {items.map((article) => (
        <ArticleRow key={article.id} article={article} onOpen={onOpen} />
      ))}
    </Section>
  )
}
