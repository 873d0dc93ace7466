import { Text, View } from '@tarojs/components'
import { useEffect } from 'react'
import { Section } from '../../../components/section'
import { t } from '../../../i18n'
import { useBulletinsStore } from '../store'
import { BulletinRow } from './bulletin-row'
import './bulletins.scss'

type Props = { onOpen: (id: string) => void; onMore: () => void }

/** On the 资讯 tab: the newest evaluation bulletin, with 更多 to all of them. */
export function LatestBulletin({ onOpen, onMore }: Props) {
  const latest = useBulletinsStore((s) => s.latest)
  const loadLatest = useBulletinsStore((s) => s.loadLatest)

  useEffect(() => {
    void loadLatest()
  }, [loadLatest])

  return (
    <Section
      title={t('info.bulletins')}
      className='bulletins-preview'
      extra={
        <View className='bulletins__more' role='link' onClick={onMore}>
          {t('info.more')}
        </View>
      }
    >
      {latest.status === 'loading' ? <View className='bulletins__loading'>{t('common.loading')}</View> : null}
      {latest.status === 'error' ? (
        <Text className='bulletins__muted' onClick={() => void loadLatest()}>
          {t('bulletins.loadFailed')} · {t('common.retry')}
        </Text>
      ) : null}
      {latest.status === 'ready' && !latest.bulletin ? <Text className='bulletins__muted'>{t('info.bulletinsEmpty')}</Text> : null}
      {latest.bulletin ? <BulletinRow bulletin={latest.bulletin} onOpen={onOpen} /> : null}
    </Section>
  )
}
