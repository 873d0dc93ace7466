import { useReachBottom } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useEffect } from 'react'
import { EmptyState } from '../../../components/empty-state'
import { ErrorView } from '../../../components/error-view'
import { WindowedList } from '../../../components/windowed-list'
import { t } from '../../../i18n'
import { useBulletinsStore } from '../store'
import { BulletinRow } from './bulletin-row'
import { CityChips, type CityOption } from './city-chips'
import './bulletins.scss'

type Props = { cities: CityOption[]; onOpen: (id: string) => void }

/** 等级评价公示, newest first; a 市州 shows its own rounds and the province-wide ones. */
export function BulletinList({ cities, onOpen }: Props) {
  const list = useBulletinsStore((s) => s.list)
  const cityCode = useBulletinsStore((s) => s.cityCode)
  const { start, setCity, loadMore } = useBulletinsStore.getState()

  useEffect(() => {
    void start()
  }, [start])

  useReachBottom(() => {
    void loadMore()
  })

  return (
    <View className='bulletins'>
      <View className='bulletins__top'>
        <CityChips cities={cities} selected={cityCode} onSelect={(code) => void setCity(code)} />
      </View>
      {list.status === 'loading' || list.status === 'idle' ? <View className='bulletins__loading'>{t('common.loading')}</View> : null}
      {list.status === 'error' ? <ErrorView title={t('bulletins.loadFailed')} message={list.message ?? ''} onRetry={() => void setCity(cityCode)} /> : null}
      {list.status === 'ready' && list.items.length === 0 ? <EmptyState title={t('bulletins.emptyTitle')} /> : null}
      {list.status === 'ready' && list.items.length > 0 ? (
        <View className='bulletins__list'>
          <WindowedList items={list.items} itemKey={(bulletin) => bulletin.id} renderItem={(bulletin) => <BulletinRow bulletin={bulletin} onOpen={onOpen} />} />
          <View className='bulletins__footer'>{list.hasMore ? t('bulletins.loadingMore') : t('bulletins.end', { total: list.total })}</View>
        </View>
      ) : null}
    </View>
  )
}
