import { Text, View } from '@tarojs/components'
import type { ParentingClass } from '../../../../types/classes'
import { Tag } from '../../../components/tag'
import { t } from '../../../i18n'
import { formatDistance } from '../../../utils/format'
import { formatWhen } from '../../../utils/time'
import { ageRangeLabel, seatsLabel } from '../format'
import { pressable } from '../../../components/a11y'
import './classes.scss'

export function ClassTags({ item }: { item: ParentingClass }) {
  return (
    <View className='class-card__tags'>
      <Tag tone={item.kind === 'activity' ? 'green' : 'blue'}>{t(`classes.kind.${item.kind}`)}</Tag>
      <Tag>{t(`classes.topic.${item.topic}`)}</Tag>
      {item.mode === 'online' ? <Tag tone='orange'>{t('classes.mode.online')}</Tag> : null}
    </View>
  )
}

/** Where: the venue offline, 线上 (and the platform) online. */
export function venueText(item: ParentingClass): string {
  return item.mode === 'online' ? t('classes.onlineVenue', { venue: item.venue }) : item.venue
}

/** One class in the 课堂 list: what, where, when, who, for which ages, how far, how many seats. */
export function ClassCard({ item, onOpen }: { item: ParentingClass; onOpen: (id: string) => void }) {
  const full = item.seatsLeft <= 0
  return (
    <View className='card class-card' data-testid='class-card' {...pressable('link')} onClick={() => onOpen(item.id)}>
      <View className='card__head'>
        <Text className='card__name'>{item.title}</Text>
        {item.distanceKm !== null ? <Text className='card__distance'>{formatDistance(item.distanceKm)}</Text> : null}
      </View>
      <ClassTags item={item} />
      <View className='class-card__lines'>
        <Text className='class-card__when'>{formatWhen(item.startsAt)}</Text>
        <Text>{t('classes.where', { centre: item.centre.name, venue: venueText(item) })}</Text>
        <Text>{t('classes.speaker', { speaker: item.speaker })}</Text>
        <Text>{ageRangeLabel(item)}</Text>
      </View>
      <View className='card__foot'>
        <Text className={`class-card__seats ${full ? 'class-card__seats--full' : ''}`}>{seatsLabel(item)}</Text>
        <Text className='class-card__more'>{t('classes.view')} ›</Text>
      </View>
    </View>
  )
}
