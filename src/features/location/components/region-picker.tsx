import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { City } from '../../../../types/regions'
import { BottomSheet } from '../../../components/bottom-sheet'
import { ErrorView } from '../../../components/error-view'
import { t } from '../../../i18n'
import { useRegions } from '../../../services/regions'
import { useLocationStore } from '../store'
import { pressable } from '../../../components/a11y'
import './location.scss'

/** 市州 first, then its districts ("全市" picks the whole 市州). */
export function RegionPicker() {
  const { pickerOpen, failure, closePicker, chooseRegion, locate, openSetting } = useLocationStore()
  const regions = useRegions({ enabled: pickerOpen })
  const cities = regions.data?.cities ?? []
  const [city, setCity] = useState<City | null>(null)

  const close = () => {
    setCity(null)
    closePicker()
  }

  return (
    <BottomSheet open={pickerOpen} title={t('location.pickerTitle')} onClose={close} className='region-picker'>
      {/* Once refused, WeChat answers getFuzzyLocation with a refusal at once: only its settings page can change that. */}
      {failure === 'refused' ? (
        <View {...pressable('button')} className='region-picker__row region-picker__device' onClick={openSetting}>
          <Text>◎ {t('location.openSettingRow')}</Text>
        </View>
      ) : (
        <View {...pressable('button')} className='region-picker__row region-picker__device' onClick={() => void locate()}>
          <Text>◎ {t('location.useDevice')}</Text>
        </View>
      )}
      {regions.status === 'error' ? <ErrorView message={t('location.regionsFailed')} onRetry={() => void regions.refetch()} /> : null}
      {regions.status === 'loading' ? <View className='region-picker__row'>{t('common.loading')}</View> : null}
      {city === null
        ? cities.map((c) => (
            <View {...pressable('button')} key={c.code} className='region-picker__row' onClick={() => setCity(c)}>
              <Text>{c.name}</Text>
              <Text className='region-picker__arrow'>›</Text>
            </View>
          ))
        : [
            <View {...pressable('button')} key='back' className='region-picker__row region-picker__back' onClick={() => setCity(null)}>
              <Text>‹ {city.name}</Text>
            </View>,
            <View
              {...pressable('button')}
              key={city.code}
              className='region-picker__row'
              onClick={() => {
                chooseRegion({ kind: 'region', code: city.code, name: city.name, lat: city.lat, lng: city.lng })
                setCity(null)
              }}
            >
              <Text>{t('location.wholeCity')}</Text>
            </View>,
            ...city.districts.map((d) => (
              <View
                {...pressable('button')}
                key={d.code}
                className='region-picker__row'
                onClick={() => {
                  chooseRegion({ kind: 'region', code: d.code, name: `${city.shortName} · ${d.name}`, lat: d.lat, lng: d.lng })
                  setCity(null)
                }}
              >
                <Text>{d.name}</Text>
              </View>
            )),
          ]}
    </BottomSheet>
  )
}
