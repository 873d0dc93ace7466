import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { ErrorView } from '../../../components/error-view'
import { t } from '../../../i18n'
import { useAction } from '../../../services/action'
import { formatDate } from '../../../utils/time'
import { useQuery } from '../../../services/server-data'
import { acceptPolicy, privacyPolicyQuery, useMe } from '../queries'
import './me.scss'

/** The current privacy policy with its version and date; a signed-in parent who has not accepted it can do so here. */
export function PrivacyPolicyView({ signedIn }: { signedIn: boolean }) {
  const { data: policy, status, refetch } = useQuery(privacyPolicyQuery)
  const consent = useMe(signedIn).data?.consents.privacyPolicy
  const { run, busy } = useAction({ report: 'toast' })

  if (status === 'error' && !policy) return <ErrorView title={t('policy.loadFailed')} message={t('errors.network')} onRetry={() => void refetch()} />
  if (!policy) return <View className='policy__loading'>{t('common.loading')}</View>

  const accept = () =>
    run(async () => {
      await acceptPolicy()
      void Taro.showToast({ title: t('policyBanner.accepted'), icon: 'none' })
    })

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
