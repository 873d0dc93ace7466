import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect } from 'react'
import { EmptyState } from '../../../components/empty-state'
import { ErrorView } from '../../../components/error-view'
import { WindowedList } from '../../../components/windowed-list'
import { t } from '../../../i18n'
import type { Origin } from '../../../utils/origin'
import { hasAnyFilter } from '../filters'
import { useClassesStore } from '../store'
import { ClassCard } from './class-card'
import { ClassFilterBar } from './class-filters'
import './classes.scss'

type Props = {
  /** null while the location is still being worked out. */
  origin: Origin | null
  onOpen: (id: string) => void
}

function ListFooter() {
  const hasMore = useClassesStore((s) => s.hasMore)
  const loadingMore = useClassesStore((s) => s.loadingMore)
  const loadMoreError = useClassesStore((s) => s.loadMoreError)
  const count = useClassesStore((s) => s.items.length)
  if (loadMoreError) {
    return (
      <View className='class-list__footer'>
        <Text>{loadMoreError}</Text>
        <View className='class-list__footer-link' role='button' onClick={() => void useClassesStore.getState().retry()}>
          {t('common.retry')}
        </View>
      </View>
    )
  }
  if (loadingMore || hasMore) return <View className='class-list__footer'>{t('list.loadingMore')}</View>
  return <View className='class-list__footer class-list__end'>{t('classes.end', { total: count })}</View>
}

function Results({ onOpen }: Pick<Props, 'onOpen'>) {
  const status = useClassesStore((s) => s.status)
  const items = useClassesStore((s) => s.items)
  const total = useClassesStore((s) => s.total)
  const error = useClassesStore((s) => s.error)
  const filtered = useClassesStore((s) => hasAnyFilter(s.filters))
  const near = useClassesStore((s) => s.origin?.kind === 'device')
  const { retry, clearFilters } = useClassesStore.getState()

  if (status === 'idle') return <View className='class-list__loading'>{t('classes.waitingLocation')}</View>
  if (status === 'loading') return <View className='class-list__loading'>{t('common.loading')}</View>
  if (status === 'error') return <ErrorView title={t('classes.errorTitle')} message={error ?? ''} onRetry={() => void retry()} />
  if (items.length === 0) {
    return (
      <EmptyState
        title={t('classes.emptyTitle')}
        hint={filtered ? t('classes.emptyHintFilters') : near ? t('classes.emptyHintNear') : t('classes.emptyHintRegion')}
        actionText={filtered ? t('classes.clearFilters') : undefined}
        onAction={filtered ? () => void clearFilters() : undefined}
      />
    )
  }
  return (
    <View className='class-list'>
      <Text className='class-list__total'>{t(near ? 'classes.totalNear' : 'classes.total', { total })}</Text>
      <WindowedList items={items} itemKey={(item) => item.id} renderItem={(item) => <ClassCard item={item} onOpen={onOpen} />} />
      <ListFooter />
    </View>
  )
}

/** The 课堂 tab's list: upcoming classes and activities near the parent, with filters, pull-to-refresh and paging. */
export function ClassFinder({ origin, onOpen }: Props) {
  const setOrigin = useClassesStore((s) => s.setOrigin)

  useEffect(() => {
    if (origin) void setOrigin(origin)
  }, [origin, setOrigin])

  usePullDownRefresh(() => {
    void useClassesStore
      .getState()
      .refresh()
      .finally(() => Taro.stopPullDownRefresh())
  })

  useReachBottom(() => {
    void useClassesStore.getState().loadMore()
  })

  return (
    <View className='class-finder'>
      <ClassFilterBar />
      <Results onOpen={onOpen} />
    </View>
  )
}

/** 我的报名 · 入户指导: the parent's own things, at the top of the tab. */
export function ClassesLinks({ onSignUps, onGuidance }: { onSignUps: () => void; onGuidance: () => void }) {
  return (
    <View className='classes-links'>
      <View className='classes-links__item' role='link' onClick={onSignUps}>
        <Text className='classes-links__title'>{t('classes.mySignUps')}</Text>
        <Text className='classes-links__hint'>{t('classes.mySignUpsHint')}</Text>
      </View>
      <View className='classes-links__item' role='link' onClick={onGuidance}>
        <Text className='classes-links__title'>{t('guidance.title')}</Text>
        <Text className='classes-links__hint'>{t('guidance.entryHint')}</Text>
      </View>
    </View>
  )
}
