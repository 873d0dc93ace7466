import { ScrollView, Text, View } from '@tarojs/components'
import type { PublicSanction } from '../../../../types/sanctions'
import { Chip } from '../../../components/chip'
import { EmptyState } from '../../../components/empty-state'
import { ErrorView } from '../../../components/error-view'
import { ListFooter } from '../../../components/list-footer'
import { Tag } from '../../../components/tag'
import { WindowedList } from '../../../components/windowed-list'
import { t } from '../../../i18n'
import { SANCTION_KIND_ORDER } from '../constants'
import { formatDate } from '../../../utils/time'
import { describeError } from '../../../services/http'
import { usePagedListPageEvents } from '../../../services/page-events'
import { usePagedList } from '../../../services/server-data'
import { sanctionKey, sanctionList } from '../queries'
import { useSanctionsStore } from '../store'
import { pressable, scrollRegion } from '../../../components/a11y'
import './sanctions.scss'

type CityOption = { code: string; name: string }
type Props = { cities: CityOption[]; onOpenInstitution: (id: string) => void }

/** Names the institution and the measure only: the public list never carries a reason or a person. */
function SanctionRow({ sanction, onOpen }: { sanction: PublicSanction; onOpen: () => void }) {
  return (
    <View className='sanction-row' {...pressable('link')} data-testid='sanction-row' onClick={onOpen}>
      <View className='sanction-row__head'>
        <Tag tone={sanction.kind === 'sanction' ? 'red' : 'orange'}>{t(`enums.sanctionKind.${sanction.kind}`)}</Tag>
        <Text className='sanction-row__name'>{sanction.institutionName}</Text>
      </View>
      <Text className='sanction-row__measure'>{sanction.measure}</Text>
      <Text className='sanction-row__meta'>
        {sanction.cityName} · {sanction.districtName}
      </Text>
      <Text className='sanction-row__meta'>{t('sanctions.decided', { department: sanction.department, date: formatDate(sanction.decidedOn) })}</Text>
    </View>
  )
}

/** 失信与处罚公示: filter by 市州 and by kind; tapping a row opens the institution. */
export function SanctionList({ cities, onOpenInstitution }: Props) {
  const filters = useSanctionsStore((s) => s.filters)
  const setFilters = useSanctionsStore((s) => s.setFilters)
  const list = usePagedList(sanctionList(filters))

  usePagedListPageEvents(list)

  return (
    <View className='sanctions'>
      <View className='sanctions__top'>
        <Text className='sanctions__intro'>{t('sanctions.intro')}</Text>
        <ScrollView className='sanctions__chips' scrollX enableFlex {...scrollRegion(t('common.byRegion'))}>
          <View className='sanctions__chips-row'>
            <Chip selected={filters.cityCode === null} onClick={() => setFilters({ cityCode: null })}>
              {t('sanctions.allCities')}
            </Chip>
            {cities.map((city) => (
              <Chip key={city.code} selected={filters.cityCode === city.code} onClick={() => setFilters({ cityCode: city.code })}>
                {city.name}
              </Chip>
            ))}
          </View>
        </ScrollView>
        <View className='sanctions__kinds'>
          <View
            {...pressable('button')}
            className={`sanctions__kind ${filters.kind === null ? 'sanctions__kind--active' : ''}`}
            onClick={() => setFilters({ kind: null })}
          >
            {t('sanctions.allKinds')}
          </View>
          {SANCTION_KIND_ORDER.map((kind) => (
            <View
              {...pressable('button')}
              key={kind}
              className={`sanctions__kind ${filters.kind === kind ? 'sanctions__kind--active' : ''}`}
              onClick={() => setFilters({ kind })}
            >
              {t(`enums.sanctionKind.${kind}`)}
            </View>
          ))}
        </View>
      </View>
      {list.status === 'loading' || list.status === 'idle' ? <View className='sanctions__loading'>{t('common.loading')}</View> : null}
      {list.status === 'error' ? <ErrorView title={t('sanctions.loadFailed')} message={describeError(list.error)} onRetry={() => void list.retry()} /> : null}
      {list.status === 'ready' && list.items.length === 0 ? <EmptyState title={t('sanctions.emptyTitle')} hint={t('sanctions.emptyHint')} /> : null}
      {list.status === 'ready' && list.items.length > 0 ? (
        <View className='sanctions__list'>
          <WindowedList
            items={list.items}
            itemKey={sanctionKey}
            renderItem={(sanction) => <SanctionRow sanction={sanction} onOpen={() => onOpenInstitution(sanction.institutionId)} />}
          />
          <ListFooter
            list={list}
            block='sanctions'
            loadingText={t('sanctions.loadingMore')}
            endText={t('sanctions.end', { total: list.lastPage?.total ?? list.items.length })}
          />
        </View>
      ) : null}
    </View>
  )
}
