import { Text, View } from '@tarojs/components'
import type { BulletinSummary } from '../../../../types/bulletins'
import { Tag } from '../../../components/tag'
import { t } from '../../../i18n'
import { formatDate } from '../../../utils/time'
import { pressable } from '../../../components/a11y'
import './bulletins.scss'

export function BulletinRow({ bulletin, onOpen }: { bulletin: BulletinSummary; onOpen: (id: string) => void }) {
  return (
    <View className='bulletin-row' {...pressable('link')} data-testid='bulletin-row' onClick={() => onOpen(bulletin.id)}>
      <View className='bulletin-row__head'>
        <Tag tone='blue'>{bulletin.cityName ?? t('bulletins.province')}</Tag>
        <Text className='bulletin-row__round'>{bulletin.round}</Text>
      </View>
      <Text className='bulletin-row__title'>{bulletin.title}</Text>
      <Text className='bulletin-row__meta'>
        {bulletin.department} · {t('bulletins.publishedOn', { date: formatDate(bulletin.publishedOn) })} ·{' '}
        {t('bulletins.institutions', { count: bulletin.institutionCount })}
      </Text>
    </View>
  )
}
