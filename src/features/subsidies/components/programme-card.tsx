import { Text, View } from '@tarojs/components'
import type { EntitlementState, SubsidyEntitlement, SubsidyProgramme } from '../../../../types/subsidies'
import { Tag, type TagTone } from '../../../components/tag'
import { t } from '../../../i18n'
import { formatYuan } from '../../../utils/format'
import { formatDate, formatMonth } from '../../../utils/time'
import { ApplyLink } from './apply-link'
import './subsidies.scss'

const STATE_TONE: Record<EntitlementState, TagTone> = { paying: 'green', upcoming: 'blue', ended: 'gray' }

type Props = {
  programme: SubsidyProgramme
  /** What one child gets under it; without one the card describes the programme itself. */
  entitlement?: SubsidyEntitlement
}

function levelOf(programme: SubsidyProgramme): string {
  return programme.level === 'city' && programme.cityName ? programme.cityName : t(`subsidies.level.${programme.level}`)
}

function Detail({ label, children }: { label: string; children: string }) {
  return (
    <View className='subsidy-card__detail'>
      <Text className='subsidy-card__label'>{label}</Text>
      <Text className='subsidy-card__text'>{children}</Text>
    </View>
  )
}

/** One programme: for a child (state, months, amounts, renewal) or as published (ages, dates); what to bring, how to apply, where from. */
export function ProgrammeCard({ programme, entitlement }: Props) {
  const { name, amountPerMonthYuan, documents } = programme
  return (
    <View className='card subsidy-card' data-testid='subsidy-programme'>
      <View className='card__head'>
        <View className='card__name' role='heading' aria-level={3}>
          {name}
        </View>
        {entitlement ? <Tag tone={STATE_TONE[entitlement.state]}>{t(`subsidies.state.${entitlement.state}`)}</Tag> : null}
      </View>
      <View className='subsidy-card__tags'>
        <Tag tone='gray'>{levelOf(programme)}</Tag>
        {programme.renewYearly ? <Tag tone='orange'>{t('subsidies.renewYearly')}</Tag> : null}
      </View>
      <Text className='subsidy-card__amount'>{t('subsidies.perMonth', { amount: formatYuan(amountPerMonthYuan) })}</Text>

      {entitlement ? (
        <View className='subsidy-card__lines'>
          <Text>
            {t('subsidies.periodLine', {
              first: formatMonth(entitlement.firstMonth),
              last: formatMonth(entitlement.lastMonth),
              months: entitlement.months,
              total: formatYuan(entitlement.totalYuan),
            })}
          </Text>
          <Text className='subsidy-card__left'>
            {entitlement.state === 'ended' || entitlement.monthsLeft === 0
              ? t('subsidies.endedLine')
              : t('subsidies.leftLine', { months: entitlement.monthsLeft, amount: formatYuan(entitlement.leftYuan) })}
          </Text>
          {programme.renewYearly && entitlement.renewBy ? (
            <Text className='subsidy-card__renew'>{t('subsidies.renewBy', { month: formatMonth(entitlement.renewBy) })}</Text>
          ) : null}
        </View>
      ) : (
        <View className='subsidy-card__lines'>
          <Text>
            {programme.ageFromMonths === 0
              ? t('subsidies.ages', { to: programme.ageToMonths })
              : t('subsidies.agesFrom', { from: programme.ageFromMonths, to: programme.ageToMonths })}
          </Text>
          <Text>
            {programme.toMonth
              ? t('subsidies.datesTo', { from: formatMonth(programme.fromMonth), to: formatMonth(programme.toMonth) })
              : t('subsidies.dates', { from: formatMonth(programme.fromMonth) })}
          </Text>
        </View>
      )}

      <Detail label={t('subsidies.eligibility')}>{programme.eligibility}</Detail>
      {documents.length > 0 ? (
        <View className='subsidy-card__detail'>
          <Text className='subsidy-card__label'>{t('subsidies.documents')}</Text>
          <View className='subsidy-card__documents' role='list'>
            {documents.map((document) => (
              <View key={document} className='subsidy-card__document' role='listitem'>
                {document}
              </View>
            ))}
          </View>
        </View>
      ) : null}
      <Detail label={t('subsidies.howToApply')}>{programme.howToApply}</Detail>
      {programme.paymentNote ? <Detail label={t('subsidies.payment')}>{programme.paymentNote}</Detail> : null}
      <ApplyLink programme={programme} />
      <Text className='subsidy-card__source'>{t('subsidies.source', { document: programme.sourceDocument, date: formatDate(programme.checkedOn) })}</Text>
    </View>
  )
}
