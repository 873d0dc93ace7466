import { Text, View } from '@tarojs/components'
import type { Me } from '../../../../types/me'
import { t } from '../../../i18n'
import './me.scss'

export function AccountHeader({ me }: { me: Me | null }) {
  const name = me?.phone ?? (me ? t('me.wechatUser') : '')
  return (
    <View className='account-header'>
      <View className='account-header__avatar'>
        <Text>{t('me.avatar')}</Text>
      </View>
      <View className='account-header__text'>
        <Text className='account-header__name'>{name || t('common.loading')}</Text>
        <Text className='account-header__sub'>{t('me.signedInAs')}</Text>
      </View>
    </View>
  )
}
