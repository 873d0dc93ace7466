import { Text, View } from '@tarojs/components'
import type { SubsidyEstimate } from '../../../../types/subsidies'
import { t } from '../../../i18n'
import { formatYuan } from '../../../utils/format'
import { formatMonth } from '../../../utils/time'
import { ProgrammeCard } from './programme-card'
import './subsidies.scss'

type Props = { estimate: SubsidyEstimate; title?: string }

/** What a child gets: this month and what is still to come on top, then each programme, then the rules behind the figures. */
export function EstimateView({ estimate, title }: Props) {
  return (
    <View className='subsidy-estimate'>
      <View className='subsidy-summary' data-testid='subsidy-summary'>
        {title ? (
          <View className='subsidy-summary__title' role='heading' aria-level={2}>
            {title}
          </View>
        ) : null}
        <View className='subsidy-summary__figures'>
          <View className='subsidy-summary__figure'>
            <Text className='subsidy-summary__label'>{t('subsidies.thisMonth')}</Text>
            <View className='subsidy-summary__value' data-testid='subsidy-this-month'>
              {formatYuan(estimate.thisMonthYuan)}
            </View>
          </View>
          <View className='subsidy-summary__figure'>
            <Text className='subsidy-summary__label'>{t('subsidies.left')}</Text>
            <View className='subsidy-summary__value' data-testid='subsidy-left'>
              {formatYuan(estimate.leftYuan)}
            </View>
          </View>
        </View>
        <Text className='subsidy-summary__meta'>
          {t('subsidies.asOf', { month: formatMonth(estimate.asOfMonth), turnsThree: formatMonth(estimate.turnsThreeMonth) })}
        </Text>
      </View>

      <View className='subsidy-estimate__heading' role='heading' aria-level={2}>
        {t('subsidies.programmes')}
      </View>
      {estimate.entitlements.length === 0 ? <Text className='notice notice--calm'>{t('subsidies.noEntitlement')}</Text> : null}
      {estimate.entitlements.map((entitlement) => (
        <ProgrammeCard key={entitlement.programme.id} programme={entitlement.programme} entitlement={entitlement} />
      ))}

      <View className='subsidy-assumptions'>
        <View className='subsidy-estimate__heading' role='heading' aria-level={2}>
          {t('subsidies.assumptions')}
        </View>
        <View role='list' className='subsidy-assumptions__list'>
          {estimate.assumptions.map((assumption) => (
            <View key={assumption} role='listitem' className='subsidy-assumptions__item'>
              {assumption}
            </View>
          ))}
        </View>
        <Text className='subsidy-assumptions__note'>{t('subsidies.estimateNote')}</Text>
      </View>
    </View>
  )
}
