import { Text, View } from '@tarojs/components'
import { ErrorView } from '../../../components/error-view'
import { t } from '../../../i18n'
import { describeError } from '../../../services/http'
import { useProgrammes } from '../queries'
import { ProgrammeCard } from './programme-card'
import './subsidies.scss'

/** The programmes paid in the parent's 市州 (every one when it is not known), as published. */
export function ProgrammeList({ cityCode }: { cityCode: string | null }) {
  const { status, data: programmes = [], error, refetch } = useProgrammes(cityCode)
  return (
    <View className='subsidy-programmes'>
      <View className='subsidy-estimate__heading' role='heading' aria-level={2}>
        {t('subsidies.programmesTitle')}
      </View>
      {status === 'idle' || status === 'loading' ? <View className='subsidies__loading'>{t('common.loading')}</View> : null}
      {status === 'error' ? <ErrorView title={t('subsidies.loadFailed')} message={describeError(error)} onRetry={() => void refetch()} /> : null}
      {status === 'ready' && programmes.length === 0 ? <Text className='notice notice--calm'>{t('subsidies.programmesEmpty')}</Text> : null}
      {programmes.map((programme) => (
        <ProgrammeCard key={programme.id} programme={programme} />
      ))}
    </View>
  )
}
