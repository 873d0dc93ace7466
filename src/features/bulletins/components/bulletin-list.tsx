import { View } from '@tarojs/components'
import { EmptyState } from '../../../components/empty-state'
import { ErrorView } from '../../../components/error-view'
import { ListFooter } from '../../../components/list-footer'
import { WindowedList } from '../../../components/windowed-list'
import { t } from '../../../i18n'
import { describeError } from '../../../services/http'
import { usePagedListPageEvents } from '../../../services/page-events'
import { usePagedList } from '../../../services/server-data'
import { bulletinList } from '../queries'
import { useBulletinsStore } from '../store'
import { BulletinRow } from './bulletin-row'
import { CityChips, type CityOption } from './city-chips'
import './bulletins.scss'

type Props = { cities: CityOption[]; onOpen: (id: string) => void }

/** 等级评价公示, newest first; a 市州 shows its own rounds and the province-wide ones. */
export function BulletinList({ cities, onOpen }: Props) {
  const cityCode = useBulletinsStore((s) => s.cityCode)
  const setCity = useBulletinsStore((s) => s.setCity)
  const list = usePagedList(bulletinList(cityCode))

  usePagedListPageEvents(list)

  return (
    <View className='bulletins'>
      <View className='bulletins__top'>
        <CityChips cities={cities} selected={cityCode} onSelect={setCity} />
      </View>
      {list.status === 'loading' || list.status === 'idle' ? <View className='bulletins__loading'>{t('common.loading')}</View> : null}
      {list.status === 'error' ? <ErrorView title={t('bulletins.loadFailed')} message={describeError(list.error)} onRetry={() => void list.retry()} /> : null}
      {list.status === 'ready' && list.items.length === 0 ? <EmptyState title={t('bulletins.emptyTitle')} /> : null}
      {list.status === 'ready' && list.items.length > 0 ? (
        <View className='bulletins__list'>
          <WindowedList items={list.items} itemKey={(bulletin) => bulletin.id} renderItem={(bulletin) => <BulletinRow bulletin={bulletin} onOpen={onOpen} />} />
          <ListFooter
            list={list}
            block='bulletins'
            loadingText={t('bulletins.loadingMore')}
            endText={t('bulletins.end', { total: list.lastPage?.total ?? list.items.length })}
          />
        </View>
      ) : null}
    </View>
  )
}
