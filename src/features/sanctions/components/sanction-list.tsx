import { useReachBottom } from '@tarojs/taro'
import { ScrollView, Text, View } from '@tarojs/components'
import { useEffect } from 'react'
import type { PublicSanction } from '../../../../types/sanctions'
import { Chip } from '../../../components/chip'
import { EmptyState } from '../../../components/empty-state'
import { ErrorView } from '../../../components/error-view'
import { Tag } from '../../../components/tag'
import { WindowedList } from '../../../components/windowed-list'
import { t } from '../../../i18n'
import { SANCTION_KIND_ORDER } from '../constants'
import { formatDate } from '../../../utils/time'
import { useSanctionsStore } from '../store'
import './sanctions.scss'

type CityOption = { code: string; name: string }
type Props = { cities: CityOption[]; onOpenInstitution: (id: string) => void }

/** Names the institution and the measure only: the public list never carries a reason or a person. */
function SanctionRow({ sanction, onOpen }: { sanction: PublicSanction; onOpen: () => void }) {
  return (
    <View className='sanction-row' role='link' data-testid='sanction-row' onClick={onOpen}>
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
  const state = useSanctionsStore()
  const { start, setFilters, loadMore } = useSanctionsStore.getState()

  useEffect(() => {
    void start()
  }, [start])

  useReachBottom(() => {
    void loadMore()
  })

  return (
    <View className='sanctions'>
      <View className='sanctions__top'>
        <Text className='sanctions__intro'>{t('sanctions.intro')}</Text>
        <ScrollView className='sanctions__chips' scrollX enableFlex>
          <View className='sanctions__chips-row'>
            <Chip selected={state.filters.cityCode === null} onClick={() => void setFilters({ cityCode: null })}>
              {t('sanctions.allCities')}
            </Chip>
            {cities.map((city) => (
              <Chip key={city.code} selected={state.filters.cityCode === city.code} onClick={() => void setFilters({ cityCode: city.code })}>
                {city.name}
              </Chip>
            ))}
          </View>
        </ScrollView>
        <View className='sanctions__kinds'>
          <Text className={`sanctions__kind ${state.filters.kind === null ? 'sanctions__kind--active' : ''}`} onClick={() => void setFilters({ kind: null })}>
            {t('sanctions.allKinds')}
          </Text>
          {SANCTION_KIND_ORDER.map((kind) => (
            <Text key={kind} className={`sanctions__kind ${state.filters.kind === kind ? 'sanctions__kind--active' : ''}`} onClick={() => void setFilters({ kind })}>
              {t(`enums.sanctionKind.${kind}`)}
            </Text>
          ))}
        </View>
      </View>
      {state.status === 'loading' || state.status === 'idle' ? <View className='sanctions__loading'>{t('common.loading')}</View> : null}
      {state.status === 'error' ? <ErrorView title={t('sanctions.loadFailed')} message={state.message ?? ''} onRetry={() => void setFilters({})} /> : null}
      {state.status === 'ready' && state.items.length === 0 ? <EmptyState title={t('sanctions.emptyTitle')} hint={t('sanctions.emptyHint')} /> : null}
      {state.status === 'ready' && state.items.length > 0 ? (
        <View className='sanctions__list'>
          <WindowedList
            items={state.items}
            itemKey={(sanction) => `${sanction.institutionId}-${sanction.decidedOn}-${sanction.measure}`}
            renderItem={(sanction) => <SanctionRow sanction={sanction} onOpen={() => onOpenInstitution(sanction.institutionId)} />}
          />
          <View className='sanctions__footer'>{state.hasMore ? t('sanctions.loadingMore') : t('sanctions.end', { total: state.total })}</View>
        </View>
      ) : null}
    </View>
  )
}
