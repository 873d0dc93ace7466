import { Text, View } from '@tarojs/components'
import { t } from '../i18n'
import { openFavourites, openPage, routes } from '../utils/routes'
import { pressable } from './a11y'
import './ui.scss'

/** Links only: the home screen fetches nothing for them (the pages they open are subpackages). */
export function HomeLinks() {
  return (
    <View className='home-links'>
      <Text className='home-links__title'>{t('app.subtitle')}</Text>
      <View className='home-links__links'>
        <View {...pressable('link')} className='home-links__link' onClick={() => openPage(routes.subsidies())}>
          {t('subsidies.title')}
        </View>
        <View {...pressable('link')} className='home-links__link' onClick={openFavourites}>
          ♡ {t('favourites.title')}
        </View>
      </View>
    </View>
  )
}
