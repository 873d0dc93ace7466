import { Text, View } from '@tarojs/components'
import { t } from '../i18n'
import { openFavourites } from '../utils/routes'
import { pressable } from './a11y'
import './ui.scss'

export function HomeLinks() {
  return (
    <View className='home-links'>
      <Text className='home-links__title'>{t('app.subtitle')}</Text>
      <View {...pressable('link')} className='home-links__link' onClick={openFavourites}>
        ♡ {t('favourites.title')}
      </View>
    </View>
  )
}
