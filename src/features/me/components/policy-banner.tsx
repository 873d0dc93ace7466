import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { t } from '../../../i18n'
import { describeActionError } from '../../../services/http'
import { useMeStore } from '../store'
import './me.scss'

/** Asks for the privacy policy again when it was never accepted or has changed since. */
export function PolicyBanner({ onView }: { onView: () => void }) {
  const status = useMeStore((s) => s.me?.consents.privacyPolicy)
  const acceptPolicy = useMeStore((s) => s.acceptPolicy)
  const [busy, setBusy] = useState(false)
  if (!status?.needed) return null

  const accept = async () => {
    setBusy(true)
    try {
      await acceptPolicy()
      void Taro.showToast({ title: t('policyBanner.accepted'), icon: 'none' })
    } catch (error) {
      void Taro.showToast({ title: describeActionError(error), icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='policy-banner' role='alert'>
      <Text className='policy-banner__title'>{status.acceptedVersion ? t('policyBanner.changedTitle') : t('policyBanner.firstTitle')}</Text>
      <Text className='policy-banner__body'>{t('policyBanner.body', { version: status.currentVersion })}</Text>
      <View className='policy-banner__actions'>
        <Button className='btn btn--ghost btn--small' onClick={onView}>
          {t('policyBanner.view')}
        </Button>
        <Button className='btn btn--small' disabled={busy || undefined} onClick={() => void accept()}>
          {t('policyBanner.accept')}
        </Button>
      </View>
    </View>
  )
}
