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
import type { MapArea } from '../../../utils/map-area'
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
import { pressable } from '../../../components/a11y'
import './institutions.scss'

/** What the finder hands the map (the page draws it: features do not import each other). */
export type FinderMap = {
  /** The loaded results, in the list's order. */
  items: InstitutionSummary[]
  area: MapArea | null
  onSearchArea: (area: MapArea) => void
  /** The list's card, with the list's actions. */
  renderCard: (item: InstitutionSummary) => ReactNode
  /** How many are shown of how many, and 加载更多. */
  footer: ReactNode
}

type Props = {
  /** null while the location is still being worked out. */
  origin: Origin | null
  renderActions?: (institution: InstitutionSummary) => ReactNode
  /** With it, the finder switches between 列表 and 地图, both showing the same results. */
  renderMap?: (map: FinderMap) => ReactNode
}

type Results = ReturnType<typeof useInstitutionSearch>

function ViewSwitch() {
  const view = useInstitutionsStore((s) => s.view)
  const setView = useInstitutionsStore((s) => s.setView)
  return (
    <View className='finder__views' role='tablist' aria-label={t('list.viewLabel')}>
      {(['list', 'map'] as const).map((option) => (
        <View
          key={option}
          {...pressable('tab')}
          aria-selected={view === option}
          className={`finder__view ${view === option ? 'finder__view--active' : ''}`}
          onClick={() => view !== option && setView(option)}
        >
          {t(option === 'list' ? 'list.viewList' : 'list.viewMap')}
        </View>
      ))}
    </View>
  )
}

function AreaLine() {
  const area = useInstitutionsStore((s) => s.filters.area)
  const setFilters = useInstitutionsStore((s) => s.setFilters)
  if (!area) return null
  return (
    <View className='finder__area'>
      <Text>{t('list.areaOnly')}</Text>
      <Text> · </Text>
      <View className='finder__area-clear' {...pressable('button')} onClick={() => setFilters({ area: null })}>
        {t('list.clearArea')}
      </View>
    </View>
  )
}

function MapFooter({ list }: { list: Results }) {
  const { items, lastPage } = list
  return (
    <View className='finder__map-footer'>
      <Text>{t('list.mapShown', { shown: items.length, total: lastPage?.totalCapped ? `${lastPage.total}+` : (lastPage?.total ?? items.length) })}</Text>
      {list.moreError ? <Text className='finder__map-more-error'>{describeError(list.moreError)}</Text> : null}
      {list.hasMore || list.moreError ? (
        <View className='finder__map-more' {...pressable('button')} onClick={() => void (list.moreError ? list.retry() : list.loadMore())}>
          {list.loadingMore ? t('list.loadingMore') : list.moreError ? t('common.retry') : t('list.loadMoreOnMap')}
        </View>
      ) : null}
    </View>
  )
}

function Results({ list, renderActions, renderMap }: Pick<Props, 'renderActions' | 'renderMap'> & { list: Results }) {
  const otherFilters = useInstitutionsStore((s) => hasFiltersBesidesSearch(s.filters))
  const searched = useInstitutionsStore((s) => s.filters.q.trim())
  const near = useInstitutionsStore((s) => s.origin?.kind === 'device')
  const birthMonth = useInstitutionsStore((s) => s.filters.childBirthMonth)
  const area = useInstitutionsStore((s) => s.filters.area)
  const onMap = useInstitutionsStore((s) => s.view === 'map') && renderMap !== undefined
  const { clearFiltersKeepingSearch, setFilters } = useInstitutionsStore.getState()
  const ageMonths = birthMonth ? ageInMonths(birthMonth) : null
  const { status, items, lastPage } = list
  const renderCard = (item: InstitutionSummary) => (
    <InstitutionCard institution={item} onOpen={openInstitution} actions={renderActions?.(item)} ageMonths={ageMonths} />
  )

  if (status === 'idle') return <View className='finder__loading'>{t('list.waitingLocation')}</View>
  if (status === 'loading') return <View className='finder__loading'>{t('common.loading')}</View>
  if (status === 'error') return <ErrorView title={t('list.errorTitle')} message={describeError(list.error)} onRetry={() => void list.retry()} />
  if (onMap) {
    // An empty area stays on the map, so the parent can move it and search again.
    return (
      <View className='finder__map'>
        <AreaLine />
        {renderMap({
          items,
          area,
          onSearchArea: (searched) => setFilters({ area: searched }),
          renderCard,
          footer: items.length ? <MapFooter list={list} /> : <View className='finder__map-footer'>{t('list.emptyTitle')}</View>,
        })}
      </View>
    )
  }
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
      <AreaLine />
      <WindowedList items={items} itemKey={(item) => item.id} renderItem={renderCard} />
      {/* At the end every match is loaded, so the count is exact even when the header's total was capped. */}
      <ListFooter list={list} block='finder' loadingText={t('list.loadingMore')} endText={t('list.end', { total: items.length })} />
    </View>
  )
}

/** The home list: search, service-form chips, sort and filters, results with pull-to-refresh and infinite scroll. */
export function InstitutionFinder({ origin, renderActions, renderMap }: Props) {
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
        {renderMap ? <ViewSwitch /> : null}
        <SearchBox />
        <ServiceFormChips />
        <SortBar onOpenFilters={() => setFiltersOpen(true)} />
      </View>
      <Results list={list} renderActions={renderActions} renderMap={renderMap} />
      <FilterPanel open={filtersOpen} onClose={() => setFiltersOpen(false)} />
    </View>
  )
}
