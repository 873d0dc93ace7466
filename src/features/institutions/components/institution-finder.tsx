import { Text, View } from '@tarojs/components'
import { useEffect, useState, type ReactNode } from 'react'
import type { InstitutionSummary } from '../../../../types/institutions'
import { EmptyState } from '../../../components/empty-state'
import { ErrorView } from '../../../components/error-view'
import { InstitutionCard } from '../../../components/institution-card'
import { ListFooter } from '../../../components/list-footer'
import { WindowedList } from '../../../components/windowed-list'
import { t } from '../../../i18n'
import { ageInMonths } from '../../../utils/age'
import type { Origin } from '../../../utils/origin'
import { openInstitution } from '../../../utils/routes'
import { describeError } from '../../../services/http'
import { usePagedListPageEvents } from '../../../services/page-events'
import { hasFiltersBesidesSearch } from '../filters'
import { useInstitutionSearch } from '../queries'
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

type Results = ReturnType<typeof useInstitutionSearch>

function Results({ list, renderActions }: Pick<Props, 'renderActions'> & { list: Results }) {
  const otherFilters = useInstitutionsStore((s) => hasFiltersBesidesSearch(s.filters))
  const searched = useInstitutionsStore((s) => s.filters.q.trim())
  const near = useInstitutionsStore((s) => s.origin?.kind === 'device')
  const birthMonth = useInstitutionsStore((s) => s.filters.childBirthMonth)
  const { clearFiltersKeepingSearch, setFilters } = useInstitutionsStore.getState()
  const ageMonths = birthMonth ? ageInMonths(birthMonth) : null
  const { status, items, lastPage } = list

  if (status === 'idle') return <View className='finder__loading'>{t('list.waitingLocation')}</View>
  if (status === 'loading') return <View className='finder__loading'>{t('common.loading')}</View>
  if (status === 'error') return <ErrorView title={t('list.errorTitle')} message={describeError(list.error)} onRetry={() => void list.retry()} />
  if (items.length === 0) {
    // The searched name stays while other filters can go; only a search alone is cleared, and the button says so.
    const widen = otherFilters
      ? { text: searched ? t('list.widenKeepingSearch', { q: searched }) : t('list.widen'), run: clearFiltersKeepingSearch }
      : searched
        ? { text: t('list.clearSearch', { q: searched }), run: () => setFilters({ q: '' }) }
        : null
    return (
      <EmptyState
        title={t('list.emptyTitle')}
        hint={near ? t('list.emptyHintFilters') : t('list.emptyHintRegion')}
        actionText={widen?.text}
        onAction={widen?.run}
      />
    )
  }
  return (
    <View className='finder__list'>
      <Text className='finder__total'>{t(lastPage?.totalCapped ? 'list.totalCapped' : 'list.total', { total: lastPage?.total ?? items.length })}</Text>
      <WindowedList
        items={items}
        itemKey={(item) => item.id}
        renderItem={(item) => <InstitutionCard institution={item} onOpen={openInstitution} actions={renderActions?.(item)} ageMonths={ageMonths} />}
      />
      {/* At the end every match is loaded, so the count is exact even when the header's total was capped. */}
      <ListFooter list={list} block='finder' loadingText={t('list.loadingMore')} endText={t('list.end', { total: items.length })} />
    </View>
  )
}

/** The home list: search, service-form chips, sort and filters, results with pull-to-refresh and infinite scroll. */
export function InstitutionFinder({ origin, renderActions }: Props) {
  const [filtersOpen, setFiltersOpen] = useState(false)
  const setOrigin = useInstitutionsStore((s) => s.setOrigin)
  const list = useInstitutionSearch()

  useEffect(() => {
    if (origin) setOrigin(origin)
  }, [origin, setOrigin])

  usePagedListPageEvents(list, { pullDownRefresh: true })

  return (
    <View className='finder'>
      <View className='finder__top'>
        <SearchBox />
        <ServiceFormChips />
        <SortBar onOpenFilters={() => setFiltersOpen(true)} />
      </View>
      <Results list={list} renderActions={renderActions} />
      <FilterPanel open={filtersOpen} onClose={() => setFiltersOpen(false)} />
    </View>
  )
}
