import { Text, View } from '@tarojs/components'
import { useEffect } from 'react'
import { EmptyState } from '../../../components/empty-state'
import { ErrorView } from '../../../components/error-view'
import { ListFooter } from '../../../components/list-footer'
import { WindowedList } from '../../../components/windowed-list'
import { t } from '../../../i18n'
import type { Origin } from '../../../utils/origin'
import { describeError } from '../../../services/http'
import { usePagedListPageEvents } from '../../../services/page-events'
import { hasAnyFilter } from '../filters'
import { useClassSearch } from '../queries'
import { useClassesStore } from '../store'
import { ClassCard } from './class-card'
import { ClassFilterBar } from './class-filters'
import { pressable } from '../../../components/a11y'
import './classes.scss'

type Props = {
  /** null while the location is still being worked out. */
  origin: Origin | null
  onOpen: (id: string) => void
}

type Results = ReturnType<typeof useClassSearch>

function Results({ list, onOpen }: Pick<Props, 'onOpen'> & { list: Results }) {
  const filtered = useClassesStore((s) => hasAnyFilter(s.filters))
  const near = useClassesStore((s) => s.origin?.kind === 'device')
  const clearFilters = useClassesStore((s) => s.clearFilters)
  const { status, items } = list

  if (status === 'idle') return <View className='class-list__loading'>{t('classes.waitingLocation')}</View>
  if (status === 'loading') return <View className='class-list__loading'>{t('common.loading')}</View>
  if (status === 'error') return <ErrorView title={t('classes.errorTitle')} message={describeError(list.error)} onRetry={() => void list.retry()} />
  if (items.length === 0) {
    return (
      <EmptyState
        title={t('classes.emptyTitle')}
        hint={filtered ? t('classes.emptyHintFilters') : near ? t('classes.emptyHintNear') : t('classes.emptyHintRegion')}
        actionText={filtered ? t('classes.clearFilters') : undefined}
        onAction={filtered ? clearFilters : undefined}
      />
    )
  }
  return (
    <View className='class-list'>
      <Text className='class-list__total'>{t(near ? 'classes.totalNear' : 'classes.total', { total: list.lastPage?.total ?? items.length })}</Text>
      <WindowedList items={items} itemKey={(item) => item.id} renderItem={(item) => <ClassCard item={item} onOpen={onOpen} />} />
      <ListFooter list={list} block='class-list' loadingText={t('list.loadingMore')} endText={t('classes.end', { total: items.length })} />
    </View>
  )
}

/** The 课堂 tab's list: upcoming classes and activities near the parent, with filters, pull-to-refresh and paging. */
export function ClassFinder({ origin, onOpen }: Props) {
  const setOrigin = useClassesStore((s) => s.setOrigin)
  const list = useClassSearch()

  useEffect(() => {
    if (origin) setOrigin(origin)
  }, [origin, setOrigin])

  usePagedListPageEvents(list, { pullDownRefresh: true })

  return (
    <View className='class-finder'>
      <ClassFilterBar />
      <Results list={list} onOpen={onOpen} />
    </View>
  )
}

/** 我的报名 · 入户指导: the parent's own things, at the top of the tab. */
export function ClassesLinks({ onSignUps, onGuidance }: { onSignUps: () => void; onGuidance: () => void }) {
  return (
    <View className='classes-links'>
      <View className='classes-links__item' {...pressable('link')} onClick={onSignUps}>
        <Text className='classes-links__title'>{t('classes.mySignUps')}</Text>
        <Text className='classes-links__hint'>{t('classes.mySignUpsHint')}</Text>
      </View>
      <View className='classes-links__item' {...pressable('link')} onClick={onGuidance}>
        <Text className='classes-links__title'>{t('guidance.title')}</Text>
        <Text className='classes-links__hint'>{t('guidance.entryHint')}</Text>
      </View>
    </View>
  )
}
