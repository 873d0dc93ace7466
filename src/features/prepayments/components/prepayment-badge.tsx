import { Text, View } from '@tarojs/components'
import type { PrepaymentBadge as Badge } from '../../../../types/prepayments'
import { t } from '../../../i18n'
import { usePrepaymentStatus } from '../queries'
import './prepayments.scss'

/** A mark beside the words, so the badge never speaks by its colour alone (and reads the same in grey). */
const MARK: Record<Badge, string> = { supervised: '✓', none_taken: '✓', no_information: '?', breach: '!' }

type Props = { badge: Badge; large?: boolean }

/** 预收费受监管 / 不预收费用 / 未见监管信息 / 违规预收: the words, with a colour and a mark that say the same. */
export function PrepaymentBadge({ badge, large = false }: Props) {
  return (
    <View className={`prepay-badge prepay-badge--${badge} ${large ? 'prepay-badge--large' : ''}`} data-badge={badge}>
      <Text className='prepay-badge__mark' aria-hidden>
        {MARK[badge]}
      </Text>
      <Text className='prepay-badge__text'>{t(`prepayments.badge.${badge}`)}</Text>
    </View>
  )
}

/** The badge of one institution, fetched on its own (compare's columns); nothing while it loads or when it cannot be had. */
export function InstitutionPrepaymentBadge({ institutionId }: { institutionId: string }) {
  const { data } = usePrepaymentStatus(institutionId)
  if (!data) return null
  return (
    <View className='prepay-badge__line'>
      <Text className='prepay-badge__label'>{t('prepayments.short')}</Text>
      <PrepaymentBadge badge={data.badge} />
    </View>
  )
}
