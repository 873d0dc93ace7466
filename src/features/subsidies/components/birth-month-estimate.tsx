import { View } from '@tarojs/components'
import { ErrorView } from '../../../components/error-view'
import { t } from '../../../i18n'
import { describeError } from '../../../services/http'
import { useEstimate } from '../queries'
import { useDeviceBirthMonth, BirthMonthForm } from './birth-month-form'
import { EstimateView } from './estimate-view'
import { ProgrammeList } from './programme-list'
import './subsidies.scss'

type Props = { cityCode: string | null; hint?: string }

/**
 * For a parent without an account or without children saved: a birth month kept on this device (sent to the BFF only
 * as the estimate's query), then the estimate for it. Before one is given, the programmes themselves.
 */
export function BirthMonthEstimate({ cityCode, hint }: Props) {
  const birthMonth = useDeviceBirthMonth()
  const estimate = useEstimate(birthMonth, cityCode)

  return (
    <View className='subsidy-device'>
      <BirthMonthForm submitLabel={t('subsidies.birthMonth.submit')} notes={[t('subsidies.birthMonth.dueHint'), ...(hint ? [hint] : [])]} />

      {birthMonth === null ? (
        <ProgrammeList cityCode={cityCode} />
      ) : estimate.status === 'error' && !estimate.data ? (
        <ErrorView title={t('subsidies.loadFailed')} message={describeError(estimate.error)} onRetry={() => void estimate.refetch()} />
      ) : estimate.data ? (
        <EstimateView estimate={estimate.data} />
      ) : (
        <View className='subsidies__loading'>{t('subsidies.loading')}</View>
      )}
    </View>
  )
}
