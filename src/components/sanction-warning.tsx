import { Text, View } from '@tarojs/components'
import type { PublishedSanction } from '../../types/institutions'
import { t } from '../i18n'
import { formatDate } from '../utils/time'
import './sanction-warning.scss'

type Props = {
  /** The institution's latest active sanction or credit warning; undefined on favourites saved before the BFF sent it. */
  warning: PublishedSanction | null | undefined
  /** Atop a page (announced to screen readers as it appears) rather than inside a list card or a compare column. */
  prominent?: boolean
}

/** "行政处罚：警告并罚款5000元" and "长春市朝阳区市场监督管理局 · 2026年8月12日 决定": what, who and when, never why. */
export function describeSanction(sanction: PublishedSanction): { measure: string; decided: string } {
  return {
    measure: t('institution.warningMeasure', { kind: t(`enums.sanctionKind.${sanction.kind}`), measure: sanction.measure }),
    decided: t('institution.warningDecided', { department: sanction.department, date: formatDate(sanction.decidedOn) }),
  }
}

/** The institution's latest active sanction or credit warning, marked ⚠, on a card, a compare column or atop its page. */
export function SanctionWarning({ warning, prominent = false }: Props) {
  if (!warning) return null
  const { measure, decided } = describeSanction(warning)
  return (
    <View className={`sanction-warning ${prominent ? 'sanction-warning--prominent' : ''}`} role={prominent ? 'alert' : undefined}>
      <Text className='sanction-warning__measure'>⚠ {measure}</Text>
      <Text className='sanction-warning__decided'>{decided}</Text>
    </View>
  )
}
