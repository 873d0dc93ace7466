import { Text, View } from '@tarojs/components'
import { t } from '../../../i18n'
import { openPage, routes } from '../../../utils/routes'
import { useAuthStore } from '../store'
import { pressable } from '../../../components/a11y'
import './auth.scss'

/** 我已阅读并同意《隐私政策》: unticked until the parent ticks it; signing in waits for it (PIPL: consent before collection). */
export function PolicyAgreement() {
  const agreed = useAuthStore((s) => s.policyAgreed)
  const setPolicyAgreed = useAuthStore((s) => s.setPolicyAgreed)
  return (
    <View className={`policy-agreement ${agreed ? 'policy-agreement--on' : ''}`}>
      <View className='policy-agreement__check' {...pressable('checkbox')} aria-checked={agreed} onClick={() => setPolicyAgreed(!agreed)}>
        <View className='policy-agreement__box'>{agreed ? '✓' : ''}</View>
        <Text>{t('auth.agreeLabel')}</Text>
      </View>
      <View {...pressable('link')} className='policy-agreement__link' onClick={() => openPage(routes.privacy)}>
        {t('auth.policyLink')}
      </View>
    </View>
  )
}
