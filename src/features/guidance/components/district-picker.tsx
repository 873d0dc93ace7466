import { Picker, Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { City } from '../../../../types/regions'
import { t } from '../../../i18n'
import { pressable } from '../../../components/a11y'
import './guidance.scss'

type Props = {
  cities: City[]
  value: string | null
  onChange: (districtCode: string | null) => void
  /** The region list failed to load: offer a retry. */
  failed: boolean
  onRetry: () => void
}

export function cityOfDistrict(cities: City[], code: string | null): City | null {
  return code ? (cities.find((c) => c.districts.some((d) => d.code === code)) ?? null) : null
}

/** 市州, then 区县: the district decides which centre's area the request falls in. */
export function DistrictPicker({ cities, value, onChange, failed, onRetry }: Props) {
  const [cityCode, setCityCode] = useState<string | null>(null)
  const city = cityOfDistrict(cities, value) ?? cities.find((c) => c.code === cityCode) ?? null
  const district = city?.districts.find((d) => d.code === value) ?? null
  if (failed) {
    return (
      <View className='guidance-form__retry' {...pressable('button')} onClick={onRetry}>
        {t('guidance.form.regionsFailed')}
      </View>
    )
  }
  return (
    <View className='district-picker'>
      <Picker
        mode='selector'
        range={cities.map((c) => c.name)}
        value={city ? cities.indexOf(city) : undefined}
        onChange={(e) => {
          const picked = cities[Number(e.detail.value)]
          if (!picked || picked === city) return
          setCityCode(picked.code)
          onChange(null)
        }}
      >
        <View className='district-picker__part'>
          <Text>{city?.name ?? t('guidance.form.city')}</Text>
          <Text className='district-picker__arrow'>▾</Text>
        </View>
      </Picker>
      <Picker
        mode='selector'
        range={(city?.districts ?? []).map((d) => d.name)}
        value={city && district ? city.districts.indexOf(district) : undefined}
        disabled={!city}
        onChange={(e) => {
          const picked = city?.districts[Number(e.detail.value)]
          if (picked) onChange(picked.code)
        }}
      >
        <View className={`district-picker__part ${city ? '' : 'district-picker__part--off'}`}>
          <Text>{district?.name ?? t('guidance.form.district')}</Text>
          <Text className='district-picker__arrow'>▾</Text>
        </View>
      </Picker>
    </View>
  )
}
