import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { t } from '../../../i18n'
import { useAction } from '../../../services/action'
import { acceptPolicy, useMe } from '../queries'
import './me.scss'

/** Asks for the privacy policy again when it was never accepted or has changed since. */
export function PolicyBanner({ onView }: { onView: () => void }) {
  // Shown to a signed-in parent only.
  const status = useMe(true).data?.consents.privacyPolicy
  const { run, busy } = useAction({ report: 'toast' })
  if (!status?.needed) return null

  const accept = () =>
    run(async () => {
      await acceptPolicy()
      void Taro.showToast({ title: t('policyBanner.accepted'), icon: 'none' })
    })

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
