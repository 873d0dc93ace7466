import { Button, Input, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { FormError } from '../../../components/form-error'
import { t } from '../../../i18n'
import { useAuthStore } from '../store'
import { PolicyAgreement } from './policy-agreement'
import './auth.scss'

/** Seconds left until `until` (ms), ticking once a second; 0 when none. */
function useCountdown(until: number | null): number {
  const left = () => (until ? Math.max(0, Math.ceil((until - Date.now()) / 1000)) : 0)
  const [seconds, setSeconds] = useState(left)
  useEffect(() => {
    setSeconds(left())
    if (!until) return undefined
    const timer = setInterval(() => {
      const next = left()
      setSeconds(next)
      if (next === 0) clearInterval(timer)
    }, 1000)
    return () => clearInterval(timer)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [until])
  return seconds
}

/** Phone number + 6-digit code (H5, and the mini-program's alternative to 微信一键登录). */
export function PhoneSignInForm({ onSignedIn }: { onSignedIn?: () => void }) {
  const [phone, setPhone] = useState('')
  const [code, setCode] = useState('')
  const { busy, error, codeSentTo, resendAt, requestCode, signInWithPhone } = useAuthStore()
  const wait = useCountdown(resendAt)

  const submit = async () => {
    if (await signInWithPhone(phone.trim(), code.trim())) onSignedIn?.()
  }

  return (
    <View className='sign-in-form'>
      <Input
        className='field sign-in-form__phone'
        type='number'
        maxlength={11}
        placeholder={t('auth.phonePlaceholder')}
        value={phone}
        onInput={(e) => setPhone(e.detail.value)}
      />
      <View className='sign-in-form__code-row'>
        <Input
          className='field sign-in-form__code'
          type='number'
          maxlength={6}
          placeholder={t('auth.codePlaceholder')}
          value={code}
          onInput={(e) => setCode(e.detail.value)}
          onConfirm={() => void submit()}
        />
        {/* `|| undefined`: Taro H5 writes disabled="false" and its CSS greys any [disabled] button. */}
        <Button
          className='btn btn--ghost btn--small sign-in-form__get-code'
          disabled={wait > 0 || busy === 'code' || undefined}
          onClick={() => void requestCode(phone.trim())}
        >
          {wait > 0 ? t('auth.resendIn', { seconds: wait }) : t('auth.getCode')}
        </Button>
      </View>
      {codeSentTo && !error ? <Text className='sign-in-form__note'>{t('auth.codeSent', { phone: codeSentTo })}</Text> : null}
      <PolicyAgreement />
      <FormError className='sign-in-form__error' message={error} />
      <Button className='btn btn--block sign-in-form__submit' disabled={busy === 'signIn' || undefined} onClick={() => void submit()}>
        {busy === 'signIn' ? t('auth.signingIn') : t('auth.submit')}
      </Button>
    </View>
  )
}
