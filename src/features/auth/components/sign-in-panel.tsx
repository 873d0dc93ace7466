import { Button, Text, View } from '@tarojs/components'
import { t } from '../../../i18n'
import { isWeapp } from '../../../utils/platform'
import { useAuthStore } from '../store'
import { PhoneSignInForm } from './phone-sign-in-form'
import './auth.scss'

/** 我的 when signed out: 微信一键登录 in the mini-program (phone on its own page), the phone form in H5. */
export function SignInPanel({ onUsePhone }: { onUsePhone: () => void }) {
  const busy = useAuthStore((s) => s.busy)
  const error = useAuthStore((s) => s.error)
  const signInWithWechat = useAuthStore((s) => s.signInWithWechat)
  const weapp = isWeapp()
  return (
    <View className='sign-in card'>
      <Text className='sign-in__title'>{t('auth.title')}</Text>
      <Text className='sign-in__hint'>{t('auth.hint')}</Text>
      {weapp ? (
        <View className='sign-in__wechat'>
          <Button className='btn btn--block sign-in__wechat-btn' disabled={busy === 'signIn' || undefined} onClick={() => void signInWithWechat()}>
            {busy === 'signIn' ? t('auth.signingIn') : t('auth.wechat')}
          </Button>
          {error ? (
            <View className='sign-in-form__error' role='alert'>
              {error}
            </View>
          ) : null}
          <Text className='sign-in__alt' onClick={onUsePhone}>
            {t('auth.usePhone')} ›
          </Text>
          <Text className='sign-in-form__note'>{t('auth.policyNote')}</Text>
        </View>
      ) : (
        <PhoneSignInForm />
      )}
    </View>
  )
}
