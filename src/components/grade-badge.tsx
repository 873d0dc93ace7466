import { Text, View } from '@tarojs/components'
import type { GradeSummary } from '../../types/institutions'
import { t } from '../i18n'
import { formatDate } from '../utils/time'
import { Tag } from './tag'
import './ui.scss'

/** A grade is never shown without the date it was given; a lapsed grade says so. */
export function GradeBadge({ grade }: { grade: GradeSummary | null }) {
  if (!grade) {
    return (
      <View className='grade grade--none'>
        <Text className='grade__level'>{t('institution.ungraded')}</Text>
      </View>
    )
  }
  return (
    <View className={`grade ${grade.lapsed ? 'grade--lapsed' : ''}`}>
      <Text className='grade__level'>{grade.label}</Text>
      <Text className='grade__date'>{t('institution.gradeOn', { date: formatDate(grade.gradedOn) })}</Text>
      {grade.lapsed ? <Tag tone='orange'>{t('institution.lapsed')}</Tag> : null}
    </View>
  )
}
