import { Text, View } from '@tarojs/components'
import { Section } from '../../../components/section'
import { t } from '../../../i18n'
import { useQuery } from '../../../services/server-data'
import { latestBulletin } from '../queries'
import { BulletinRow } from './bulletin-row'
import { pressable } from '../../../components/a11y'
import './bulletins.scss'

type Props = { onOpen: (id: string) => void; onMore: () => void }

/** On the 资讯 tab: the newest evaluation bulletin, with 更多 to all of them. */
export function LatestBulletin({ onOpen, onMore }: Props) {
  const latest = useQuery(latestBulletin)
  const bulletin = latest.data

  return (
    <Section
      title={t('info.bulletins')}
      className='bulletins-preview'
      extra={
        <View className='bulletins__more' {...pressable('link')} onClick={onMore}>
          {t('info.more')}
        </View>
      }
    >
      {latest.status === 'loading' ? <View className='bulletins__loading'>{t('common.loading')}</View> : null}
      {latest.status === 'error' && bulletin === undefined ? (
        <View {...pressable('button')} className='bulletins__muted' onClick={() => void latest.refetch()}>
          {t('bulletins.loadFailed')} · {t('common.retry')}
        </View>
      ) : null}
      {latest.status === 'ready' && !bulletin ? <Text className='bulletins__muted'>{t('info.bulletinsEmpty')}</Text> : null}
      {bulletin ? <BulletinRow bulletin={bulletin} onOpen={onOpen} /> : null}
    </Section>
  )
}
