import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect, useState, type ReactNode } from 'react'
import type { InstitutionSummary } from '../../../../types/institutions'
import { EmptyState } from '../../../components/empty-state'
import { ErrorView } from '../../../components/error-view'
import { InstitutionCard } from '../../../components/institution-card'
import { WindowedList } from '../../../components/windowed-list'
import { t } from '../../../i18n'
import { ageInMonths } from '../../../utils/age'
import type { Origin } from '../../../utils/origin'
import { openInstitution } from '../../../utils/routes'
import { hasAnyFilter } from '../filters'
import { useInstitutionsStore } from '../store'
import { FilterPanel } from './filter-panel'
import { SearchBox } from './search-box'
import { ServiceFormChips } from './service-form-chips'
import { SortBar } from './sort-bar'
import './institutions.scss'

type Props = {
  /** null while the location is still being worked out. */
  origin: Origin | null
  renderActions?: (institution: InstitutionSummary) => ReactNode
}

function ListFooter() {
  const { hasMore, loadingMore, loadMoreError, items, retry } = useInstitutionsStore()
  if (loadMoreError) {
    return (
      <View className='finder__footer'>
        <Text>{loadMoreError}</Text>
        <Text className='finder__footer-link' onClick={() => void retry()}>
          {t('common.retry')}
        </Text>
      </View>
    )
  }
  if (loadingMore || hasMore) return <View className='finder__footer'>{t('list.loadingMore')}</View>
  // At the end every match is loaded, so the count is exact even when the header's total was capped.
  return <View className='finder__footer finder__end'>{t('list.end', { total: items.length })}</View>
}

function Results({ renderActions }: Pick<Props, 'renderActions'>) {
  const status = useInstitutionsStore((s) => s.status)
  const items = useInstitutionsStore((s) => s.items)
  const total = useInstitutionsStore((s) => s.total)
  const totalCapped = useInstitutionsStore((s) => s.totalCapped)
  const error = useInstitutionsStore((s) => s.error)
  const filtered = useInstitutionsStore((s) => hasAnyFilter(s.filters))
  const near = useInstitutionsStore((s) => s.origin?.kind === 'device')
  const birthMonth = useInstitutionsStore((s) => s.filters.childBirthMonth)
  const ageMonths = birthMonth ? ageInMonths(birthMonth) : null
  const { retry, clearFilters } = useInstitutionsStore.getState()

  if (status === 'idle') return <View className='finder__loading'>{t('list.waitingLocation')}</View>
  if (status === 'loading') return <View className='finder__loading'>{t('common.loading')}</View>
  if (status === 'error') return <ErrorView title={t('list.errorTitle')} message={error ?? ''} onRetry={() => void retry()} />
  if (items.length === 0) {
    const canWiden = filtered
    return (
      <EmptyState
        title={t('list.emptyTitle')}
        hint={near ? t('list.emptyHintFilters') : t('list.emptyHintRegion')}
        actionText={canWiden ? t('list.widen') : undefined}
        onAction={canWiden ? () => void clearFilters() : undefined}
      />
    )
  }
  return (
    <View className='finder__list'>
      <Text className='finder__total'>{t(totalCapped ? 'list.totalCapped' : 'list.total', { total })}</Text>
      <WindowedList
        items={items}
        itemKey={(item) => item.id}
        renderItem={(item) => <InstitutionCard institution={item} onOpen={openInstitution} actions={renderActions?.(item)} ageMonths={ageMonths} />}
      />
      <ListFooter />
    </View>
  )
}

/** The home list: search, service-form chips, sort and filters, results with pull-to-refresh and infinite scroll. */
export function InstitutionFinder({ origin, renderActions }: Props) {
  const [filtersOpen, setFiltersOpen] = useState(false)
  const setOrigin = useInstitutionsStore((s) => s.setOrigin)

  useEffect(() => {
    if (origin) void setOrigin(origin)
  }, [origin, setOrigin])

  usePullDownRefresh(() => {
    void useInstitutionsStore
      .getState()
      .refresh()
      .finally(() => Taro.stopPullDownRefresh())
  })

  useReachBottom(() => {
    void useInstitutionsStore.getState().loadMore()
  })

  return (
    <View className='finder'>
      <View className='finder__top'>
        <SearchBox />
        <ServiceFormChips />
        <SortBar onOpenFilters={() => setFiltersOpen(true)} />
      </View>
      <Results renderActions={renderActions} />
      <FilterPanel open={filtersOpen} onClose={() => setFiltersOpen(false)} />
    </View>
  )
}
