import { Button, Text, View } from '@tarojs/components'
import type { Me } from '../../../../types/me'
import { BottomSheet } from '../../../components/bottom-sheet'
import { FormError } from '../../../components/form-error'
import { t } from '../../../i18n'
import { pressable } from '../../../components/a11y'
import './me.scss'

type Props = { open: boolean; me: Me | null; busy: boolean; error: string | null; onAccept: () => void; onRefuse: () => void; onViewPolicy: () => void }

/** PIPL: children's information is sensitive; the guardian agrees to it separately, before anything is sent. */
export function ChildConsentSheet({ open, me, busy, error, onAccept, onRefuse, onViewPolicy }: Props) {
  const policy = me?.consents.privacyPolicy
  return (
    <BottomSheet
      open={open}
      title={t('childConsent.title')}
      onClose={onRefuse}
      className='child-consent'
      footer={
        <>
          <Button className='btn btn--plain child-consent__refuse' onClick={onRefuse}>
            {t('childConsent.refuse')}
          </Button>
          <Button className='btn child-consent__accept' disabled={busy || undefined} onClick={onAccept}>
            {t('childConsent.accept')}
          </Button>
        </>
      }
    >
      <View className='child-consent__text'>
        <Text className='child-consent__lead'>{t('childConsent.lead')}</Text>
        <Text>{t('childConsent.what')}</Text>
        <Text>{t('childConsent.why')}</Text>
        <Text>{t('childConsent.how')}</Text>
        {policy?.needed ? <Text className='child-consent__also'>{t('childConsent.alsoPolicy', { version: policy.currentVersion })}</Text> : null}
        <View className='child-consent__link' {...pressable('link')} onClick={onViewPolicy}>
          {t('childConsent.policyLink')}
        </View>
        <FormError className='child-consent__error' message={error} />
      </View>
    </BottomSheet>
  )
}
