import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { InstitutionSummary } from '../../../../types/institutions'
import { t } from '../../../i18n'

type Props = {
  items: InstitutionSummary[]
  selectedId: string | null
  renderCard: (item: InstitutionSummary) => ReactNode
  /** H5: a control that puts the card away (the mini-program's map closes it by a tap on the map). */
  close?: ReactNode
}

/** Below either map: the tapped marker's card with its list number, else a hint to tap one (nothing without results). */
export function MapSelection({ items, selectedId, renderCard, close }: Props) {
  const index = items.findIndex((item) => item.id === selectedId)
  if (index >= 0)
    return (
      <View className='institution-map__card'>
        <Text className='institution-map__number'>{index + 1}</Text>
        {close}
        {renderCard(items[index])}
      </View>
    )
  return items.length ? <View className='institution-map__hint'>{t('map.hint')}</View> : null
}
