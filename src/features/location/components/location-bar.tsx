import { Text, View } from '@tarojs/components'
import { useEffect } from 'react'
import { t } from '../../../i18n'
import { useLocationStore } from '../store'
import './location.scss'

/** Shows which location the list is using, and lets the parent switch. Starts locating on first show. `regionHint`: how the list is ordered without a device location. */
export function LocationBar({ regionHint = t('location.hint') }: { regionHint?: string }) {
  const { status, origin, failure, start, openPicker, openSetting } = useLocationStore()

  useEffect(() => {
    void start()
  }, [start])

  const label =
    status === 'locating' ? t('location.locating') : origin?.kind === 'device' ? t('location.usingDevice') : origin ? origin.name : t('location.chooseRegion')

  return (
    <View className='location-bar'>
      <View className='location-bar__main' onClick={openPicker}>
        <Text className='location-bar__pin'>●</Text>
        <Text className='location-bar__label'>{label}</Text>
        <Text className='location-bar__switch'>{t('location.switch')} ›</Text>
      </View>
      {failure && origin?.kind !== 'device' ? (
        <View className='location-bar__notice'>
          <Text>{failure === 'failed' ? t('location.failed') : t('location.denied')}</Text>
          {failure === 'refused' ? (
            <View className='location-bar__setting' role='button' onClick={openSetting}>
              {t('location.openSetting')}
            </View>
          ) : null}
        </View>
      ) : origin?.kind === 'region' ? (
        <Text className='location-bar__notice location-bar__notice--calm'>{regionHint}</Text>
      ) : null}
    </View>
  )
}
