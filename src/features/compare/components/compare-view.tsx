import { View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { InstitutionDetail } from '../../../../types/institutions'
import { EmptyState } from '../../../components/empty-state'
import { ErrorView } from '../../../components/error-view'
import { t } from '../../../i18n'
import { describeError } from '../../../services/http'
import { originToQuery, type Origin } from '../../../utils/origin'
import { compareInstitutions } from '../api'
import { MIN_COMPARE, useCompareStore } from '../store'
import { CompareTable } from './compare-table'

type ViewState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; items: InstitutionDetail[] }

export function CompareView({ origin }: { origin: Origin | null }) {
  const candidates = useCompareStore((s) => s.candidates)
  const remove = useCompareStore((s) => s.remove)
  const [state, setState] = useState<ViewState>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)
  const ids = candidates.map((c) => c.id).join(',')
  const { lat, lng } = originToQuery(origin)

  useEffect(() => {
    const list = ids ? ids.split(',') : []
    if (list.length < MIN_COMPARE) return
    let current = true
    setState({ status: 'loading' })
    compareInstitutions(list, lat !== undefined && lng !== undefined ? { lat, lng } : {})
      .then(({ items }) => current && setState({ status: 'ready', items }))
      .catch((error: unknown) => current && setState({ status: 'error', message: describeError(error) }))
    return () => {
      current = false
    }
  }, [ids, lat, lng, attempt])

  if (candidates.length < MIN_COMPARE) return <EmptyState title={t('compare.needTwo')} />
  if (state.status === 'loading') return <View className='finder__loading'>{t('common.loading')}</View>
  if (state.status === 'error') return <ErrorView message={state.message} onRetry={() => setAttempt((n) => n + 1)} />
  return <CompareTable items={state.items} onRemove={remove} />
}
