import { Text, View } from '@tarojs/components'
import { t } from '../i18n'
import { openFavourites } from '../utils/routes'
import './ui.scss'

export function HomeLinks() {
  return (
    <View className='home-links'>
      <Text className='home-links__title'>{t('app.subtitle')}</Text>
      <Text className='home-links__link' onClick={openFavourites}>
        ♡ {t('favourites.title')}
      </Text>
    </View>
  )
}
