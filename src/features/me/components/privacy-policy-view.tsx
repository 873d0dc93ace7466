import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { ErrorView } from '../../../components/error-view'
import { t } from '../../../i18n'
import { describeActionError } from '../../../services/http'
import { formatDate } from '../../../utils/time'
import { useMeStore } from '../store'
import './me.scss'

/** The current privacy policy with its version and date; a signed-in parent who has not accepted it can do so here. */
export function PrivacyPolicyView({ signedIn }: { signedIn: boolean }) {
  const policy = useMeStore((s) => s.policy)
  const status = useMeStore((s) => s.policyStatus)
  const consent = useMeStore((s) => s.me?.consents.privacyPolicy)
  const { loadPolicy, loadMe, acceptPolicy } = useMeStore.getState()
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    void loadPolicy()
    if (signedIn) void loadMe()
  }, [signedIn, loadPolicy, loadMe])

  if (status === 'error') return <ErrorView title={t('policy.loadFailed')} message={t('errors.network')} onRetry={() => void loadPolicy()} />
  if (!policy) return <View className='policy__loading'>{t('common.loading')}</View>

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

  const current = consent && consent.currentVersion === policy.version
  return (
    <View className='policy'>
      <Text className='policy__title'>{policy.title}</Text>
      <Text className='policy__meta'>{t('policy.meta', { version: policy.version, date: formatDate(policy.publishedAt) })}</Text>
      {policy.body.split(/\n\s*\n/).map((paragraph, index) => (
        <Text key={index} className='policy__paragraph'>
          {paragraph.trim()}
        </Text>
      ))}
      {signedIn && current && !consent.needed && consent.acceptedAt ? (
        <Text className='policy__accepted'>{t('policy.acceptedOn', { date: formatDate(consent.acceptedAt) })}</Text>
      ) : null}
      {signedIn && current && consent.needed ? (
        <Button className='btn btn--block policy__accept' disabled={busy || undefined} onClick={() => void accept()}>
          {t('policy.accept')}
        </Button>
      ) : null}
    </View>
  )
}
