import { Button, Text, View } from '@tarojs/components'
import { FormError } from '../../../components/form-error'
import { t } from '../../../i18n'
import { isWeapp } from '../../../utils/platform'
import { useAuthStore } from '../store'
import { PhoneSignInForm } from './phone-sign-in-form'
import { PolicyAgreement } from './policy-agreement'
import { pressable } from '../../../components/a11y'
import './auth.scss'

/**
 * 我的 when signed out. In the mini-program: 微信手机号快捷登录 (WeChat's phone-number button: the number WeChat verified,
 * no SMS) and 微信一键登录, with codes by SMS on their own page for a parent who will not share the number; in H5 the
 * phone form.
 */
export function SignInPanel({ onUsePhone }: { onUsePhone: () => void }) {
  const busy = useAuthStore((s) => s.busy)
  const error = useAuthStore((s) => s.error)
  const signInWithWechat = useAuthStore((s) => s.signInWithWechat)
  const signInWithWechatPhone = useAuthStore((s) => s.signInWithWechatPhone)
  const policyAgreed = useAuthStore((s) => s.policyAgreed)
  const requireAgreement = useAuthStore((s) => s.requireAgreement)
  const weapp = isWeapp()
  const signingIn = busy === 'signIn'
  return (
    <View className='sign-in card'>
      <Text className='sign-in__title'>{t('auth.title')}</Text>
      <Text className='sign-in__hint'>{t('auth.hint')}</Text>
      {weapp ? (
        <View className='sign-in__wechat'>
          {/* WeChat shows its own sheet on the tap and answers with a one-time code (or a refusal); not before the box is ticked. */}
          <Button
            className='btn btn--block sign-in__wechat-btn'
            openType={policyAgreed ? 'getPhoneNumber' : undefined}
            disabled={signingIn || undefined}
            onClick={policyAgreed ? undefined : requireAgreement}
            onGetPhoneNumber={(event) => void signInWithWechatPhone(event.detail)}
          >
            {signingIn ? t('auth.signingIn') : t('auth.wechatPhone')}
          </Button>
          <Button className='btn btn--block btn--ghost sign-in__wechat-alt' disabled={signingIn || undefined} onClick={() => void signInWithWechat()}>
            {t('auth.wechat')}
          </Button>
          <PolicyAgreement />
          <FormError className='sign-in-form__error' message={error} />
          <View {...pressable('button')} className='sign-in__alt' onClick={onUsePhone}>
            {t('auth.usePhone')} ›
          </View>
        </View>
      ) : (
        <PhoneSignInForm />
      )}
    </View>
  )
}
