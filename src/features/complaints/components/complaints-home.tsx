import { Button, Text, View } from '@tarojs/components'
import { useMemo } from 'react'
import { EmptyState } from '../../../components/empty-state'
import { ErrorView } from '../../../components/error-view'
import { Section } from '../../../components/section'
import { t } from '../../../i18n'
import { useLocalComplaints } from '../local-complaints'
import { useQuery } from '../../../services/server-data'
import { myComplaints } from '../queries'
import { ComplaintRow } from './complaint-row'
import './complaints.scss'

type Props = {
  signedIn: boolean
  onFile: () => void
  onTrack: () => void
  onOpen: (trackingNumber: string) => void
}

/** The 投诉 tab: what the channel is, how to file and follow, and the parent's own complaints. */
export function ComplaintsHome({ signedIn, onFile, onTrack, onOpen }: Props) {
  // Each time the tab shows, so the list follows new filings and status changes.
  const { status: mineStatus, data: mine = [], refetch } = useQuery(myComplaints, { enabled: signedIn, refetchOnShow: true })
  const filedHere = useLocalComplaints((s) => s.items)
  // A named complaint filed here while signed in is also the account's: list it once, under 我的投诉, with the BFF's
  // current status rather than the one this device saved at filing time.
  const local = useMemo(() => {
    const listed = new Set(mine.map((item) => item.trackingNumber))
    return filedHere.filter((item) => !listed.has(item.trackingNumber))
  }, [mine, filedHere])

  return (
    <View className='complaints-home'>
      <View className='complaints-intro'>
        <Text className='complaints-intro__title'>{t('complaints.introTitle')}</Text>
        <Text className='complaints-intro__body'>{t('complaints.introBody')}</Text>
        <Text className='complaints-intro__point'>✓ {t('complaints.introAnonymous')}</Text>
        <Text className='complaints-intro__point'>✓ {t('complaints.introConfidential')}</Text>
        <Text className='complaints-intro__emergency'>{t('complaints.introEmergency')}</Text>
      </View>
      <View className='complaints-home__actions'>
        <Button className='btn btn--block complaints-home__file' onClick={onFile}>
          {t('complaints.file')}
        </Button>
        <Button className='btn btn--ghost btn--block complaints-home__track' onClick={onTrack}>
          {t('complaints.track')}
        </Button>
      </View>

      {signedIn ? (
        <Section title={t('complaints.mine')} className='complaints-mine'>
          {mineStatus === 'error' ? <ErrorView message={t('complaints.mineFailed')} onRetry={() => void refetch()} /> : null}
          {mineStatus === 'loading' ? <Text className='complaints-home__hint'>{t('common.loading')}</Text> : null}
          {mineStatus === 'ready' && mine.length === 0 ? <EmptyState title={t('complaints.mineEmpty')} /> : null}
          {mine.map((item) => (
            <ComplaintRow key={item.trackingNumber} {...item} onOpen={onOpen} />
          ))}
        </Section>
      ) : null}

      {local.length ? (
        <Section title={t('complaints.local')} extra={t('complaints.localHint')} className='complaints-local'>
          {local.map((item) => (
            <ComplaintRow key={item.trackingNumber} {...item} status={undefined} onOpen={onOpen} />
          ))}
        </Section>
      ) : null}
    </View>
  )
}
