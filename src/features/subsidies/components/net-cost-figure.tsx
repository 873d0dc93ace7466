import { Text, View } from '@tarojs/components'
import { t } from '../../../i18n'
import { formatYuan } from '../../../utils/format'
import { useNetCost } from '../net-cost-queries'

type Props = { institutionId: string; birthMonth: string | null }

/** One line for compare: what full-day care there would cost this child a month, after the subsidies. */
export function NetCostFigure({ institutionId, birthMonth }: Props) {
  const cost = useNetCost(institutionId, birthMonth, 'full_day')
  if (birthMonth === null) return null
  const first = cost.data?.firstMonth
  return (
    <View className='net-cost-figure' data-testid='net-cost-figure-compact'>
      <Text className='net-cost-figure__label'>{t('netCost.compactLabel')}</Text>
      <Text className='net-cost-figure__amount'>{cost.data ? (first?.netYuan != null ? formatYuan(first.netYuan) : t('netCost.compactNone')) : '…'}</Text>
    </View>
  )
}
