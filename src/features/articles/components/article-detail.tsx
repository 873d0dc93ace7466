import { Button, Text, View } from '@tarojs/components'
import type { Article } from '../../../../types/articles'
import { ErrorView } from '../../../components/error-view'
import { Tag } from '../../../components/tag'
import { t } from '../../../i18n'
import { routes } from '../../../utils/routes'
import { copyPageLink, useSharePage } from '../../../utils/share'
import { formatDate } from '../../../utils/time'
import { describeError, statusOf } from '../../../services/http'
import { useQuery } from '../../../services/server-data'
import { articleDetail } from '../queries'
import { ArticleBody } from './article-body'
import './articles.scss'

function Field({ label, value }: { label: string; value: string }) {
  return (
    <View className='article__field'>
      <Text className='article__label'>{label}</Text>
      <Text className='article__value'>{value}</Text>
    </View>
  )
}

function ArticleView({ article }: { article: Article }) {
  return (
    <View className='article'>
      <View className='article__title' role='heading' aria-level={1}>
        {article.title}
      </View>
      <View className='article__tags'>
        <Tag tone={article.kind === 'policy' ? 'red' : article.kind === 'interpretation' ? 'blue' : 'green'}>{t(`articles.kind.${article.kind}`)}</Tag>
        {article.tags.map((tag) => (
          <Tag key={tag}>{tag}</Tag>
        ))}
      </View>
      <View className='article__meta'>
        <Field label={t('articles.source')} value={article.sourceDepartment} />
        {article.documentNumber ? <Field label={t('articles.documentNumber')} value={article.documentNumber} /> : null}
        <Field label={t('articles.published')} value={formatDate(article.publishedAt)} />
        {article.effectiveOn ? <Field label={t('articles.effective')} value={formatDate(article.effectiveOn)} /> : null}
      </View>
      <ArticleBody blocks={article.blocks} />
      {article.version > 1 ? (
        <Text className='article__version'>{t('articles.updatedOn', { version: article.version, date: formatDate(article.updatedAt) })}</Text>
      ) : null}
      {process.env.TARO_ENV === 'h5' ? (
        <Button className='btn btn--ghost btn--block article__share' onClick={copyPageLink}>
          {t('articles.copyLink')}
        </Button>
      ) : null}
    </View>
  )
}

/** One article: its facts (department, 文号, dates, tags) and its body; shared by WeChat card or copied link. */
export function ArticleDetail({ id }: { id: string }) {
  const { status, data: article, error, refetch } = useQuery(articleDetail(id))
  useSharePage({ title: article?.title ?? t('articles.title'), path: routes.article(id) })

  if (article) return <ArticleView article={article} />
  if (status === 'error') {
    const message = statusOf(error) === 404 ? t('articles.notFound') : describeError(error)
    return <ErrorView title={t('articles.loadFailed')} message={message} onRetry={() => void refetch()} />
  }
  return <View className='articles__loading'>{t('common.loading')}</View>
}
