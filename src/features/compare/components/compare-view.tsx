import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { InstitutionDetail } from '../../../../types/institutions'
import { EmptyState } from '../../../components/empty-state'
import { ErrorView } from '../../../components/error-view'
import { t } from '../../../i18n'
import { describeError } from '../../../services/http'
import { query, useQuery } from '../../../services/server-data'
import { originToQuery, type Origin } from '../../../utils/origin'
import { compareInstitutions } from '../api'
import { MIN_COMPARE, useCompareStore } from '../store'
import { CompareTable } from './compare-table'

const comparison = (ids: string[], { lat, lng }: { lat?: number; lng?: number }) =>
  query({
    key: ['institutions', 'compare', ids, { lat, lng }],
    fetch: async () => (await compareInstitutions(ids, lat !== undefined && lng !== undefined ? { lat, lng } : {})).items,
  })

type Props = {
  origin: Origin | null
  /** More marks under each institution's name, composed by the page from other features (e.g. the prepayment badge). */
  renderBadges?: (item: InstitutionDetail) => ReactNode
}

export function CompareView({ origin, renderBadges }: Props) {
  const candidates = useCompareStore((s) => s.candidates)
  const remove = useCompareStore((s) => s.remove)
  const enough = candidates.length >= MIN_COMPARE
  const {
    status,
    data: items,
    error,
    refetch,
  } = useQuery(
    comparison(
      candidates.map((c) => c.id),
      originToQuery(origin),
    ),
    { enabled: enough },
  )

  if (!enough) return <EmptyState title={t('compare.needTwo')} />
  if (status === 'error') return <ErrorView message={describeError(error)} onRetry={() => void refetch()} />
  if (!items) return <View className='finder__loading'>{t('common.loading')}</View>
  return <CompareTable items={items} onRemove={remove} renderBadges={renderBadges} />
}
