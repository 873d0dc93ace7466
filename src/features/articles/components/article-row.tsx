import { Text, View } from '@tarojs/components'
import type { ArticleSummary } from '../../../../types/articles'
import { Tag } from '../../../components/tag'
import { t } from '../../../i18n'
import { formatDate } from '../../../utils/time'
import { pressable } from '../../../components/a11y'
import './articles.scss'

export function ArticleRow({ article, onOpen }: { article: ArticleSummary; onOpen: (id: string) => void }) {
  return (
    <View className='article-row' {...pressable('link')} data-testid='article-row' onClick={() => onOpen(article.id)}>
      <View className='article-row__head'>
        {article.pinned ? <Tag tone='orange'>{t('articles.pinned')}</Tag> : null}
        <Tag tone={article.kind === 'policy' ? 'red' : article.kind === 'interpretation' ? 'blue' : 'green'}>{t(`articles.kind.${article.kind}`)}</Tag>
      </View>
      <Text className='article-row__title'>{article.title}</Text>
      {article.summary ? <Text className='article-row__summary'>{article.summary}</Text> : null}
      <Text className='article-row__meta'>
        {article.sourceDepartment} · {t('articles.publishedOn', { date: formatDate(article.publishedAt) })}
      </Text>
    </View>
  )
}
