import { View } from '@tarojs/components'
import type { InstitutionDetail } from '../../../../types/institutions'
import { t } from '../../../i18n'
import { formatDate } from '../../../utils/time'
import './grade-warning.scss'

/** "等级已于 2026年5月18日 由 A级 降为 B级" or "等级评价已于 … 过期": a change for the worse, always with its date. */
export function GradeWarningLine({ warning }: { warning: InstitutionDetail['gradeWarning'] }) {
  if (!warning) return null
  const date = formatDate(warning.on)
  const text =
    warning.kind === 'lapsed'
      ? t('gradeWarning.lapsed', { date, current: warning.levelLabel })
      : warning.previousLevelLabel
        ? t('gradeWarning.downgraded', { date, previous: warning.previousLevelLabel, current: warning.levelLabel })
        : t('gradeWarning.downgradedNoPrevious', { date, current: warning.levelLabel })
  return (
    <View className='grade-warning' role='alert'>
      ⚠ {text}
    </View>
  )
}
