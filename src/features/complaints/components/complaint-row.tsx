import { Text, View } from '@tarojs/components'
import type { ComplaintCategory, ComplaintStatus } from '../../../../types/complaints'
import { Tag } from '../../../components/tag'
import { t } from '../../../i18n'
import { formatDate } from '../../../utils/time'
import { StatusTag } from './status-tag'
import { pressable } from '../../../components/a11y'

type Props = {
  trackingNumber: string
  subject: string
  category: ComplaintCategory
  status?: ComplaintStatus
  urgent: boolean
  overdue?: boolean
  filedAt: string
  onOpen: (trackingNumber: string) => void
}

/** One complaint in 我的投诉 or 本机提交的投诉. */
export function ComplaintRow({ trackingNumber, subject, category, status, urgent, overdue, filedAt, onOpen }: Props) {
  return (
    <View className='complaint-row' {...pressable('link')} onClick={() => onOpen(trackingNumber)}>
      <View className='complaint-row__main'>
        <Text className='complaint-row__subject'>{subject}</Text>
        <View className='complaint-row__tags'>
          {status ? <StatusTag status={status} /> : null}
          {urgent ? <Tag tone='red'>{t('complaints.urgent')}</Tag> : null}
          {overdue ? <Tag tone='red'>{t('complaints.overdue')}</Tag> : null}
          <Tag>{t(`enums.complaintCategory.${category}`)}</Tag>
        </View>
        <Text className='complaint-row__meta'>
          {trackingNumber} · {t('complaints.filedOn', { date: formatDate(filedAt) })}
        </Text>
      </View>
      <Text className='complaint-row__arrow'>›</Text>
    </View>
  )
}
