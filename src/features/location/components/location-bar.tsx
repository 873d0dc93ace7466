import { Text, View } from '@tarojs/components'
import { useEffect } from 'react'
import { t } from '../../../i18n'
import { useLocationStore } from '../store'
import { pressable } from '../../../components/a11y'
import './location.scss'

/** Shows which location the list is using, and lets the parent switch. Starts locating on first show. `regionHint`: how the list is ordered without a device location. */
export function LocationBar({ regionHint = t('location.hint') }: { regionHint?: string }) {
  const { status, origin, failure, start, locate, openPicker, openSetting } = useLocationStore()

  useEffect(() => {
    void start()
  }, [start])

  const label =
    status === 'locating' ? t('location.locating') : origin?.kind === 'device' ? t('location.usingDevice') : origin ? origin.name : t('location.chooseRegion')

  return (
    <View className='location-bar'>
      <View {...pressable('button')} className='location-bar__main' onClick={openPicker}>
        <Text className='location-bar__pin'>●</Text>
        <Text className='location-bar__label'>{label}</Text>
        <Text className='location-bar__switch'>{t('location.switch')} ›</Text>
      </View>
      {/* The refusal is news until the parent picks a region; then one quiet line says what the list uses and how to locate instead. */}
      {failure && !origin ? (
        <View className='location-bar__notice'>
          <Text>{failure === 'failed' ? t('location.failed') : t('location.denied')}</Text>
          {failure === 'refused' ? (
            <View className='location-bar__setting' {...pressable('button')} onClick={openSetting}>
              {t('location.openSetting')}
            </View>
          ) : null}
        </View>
      ) : failure && origin?.kind === 'region' ? (
        <View className='location-bar__notice location-bar__notice--calm'>
          <Text>{t('location.showingRegion', { name: origin.name })} · </Text>
          {/* Once refused in WeChat only its settings page can allow location again (and only from a tap). */}
          <View className='location-bar__relocate' {...pressable('button')} onClick={failure === 'refused' ? openSetting : () => void locate()}>
            {t('location.useDeviceInstead')}
          </View>
        </View>
      ) : origin?.kind === 'region' ? (
        <Text className='location-bar__notice location-bar__notice--calm'>{regionHint}</Text>
      ) : null}
    </View>
  )
}
