import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { ServiceForm } from '../../../../types/institutions'
import type { MonthlyForm, NetCost, NetCostMonth } from '../../../../types/subsidies'
import { pressable } from '../../../components/a11y'
import { ErrorView } from '../../../components/error-view'
import { t } from '../../../i18n'
import { describeError } from '../../../services/http'
import { formatAmount, formatYuan } from '../../../utils/format'
import { formatMonth } from '../../../utils/time'
import { useNetCost } from '../net-cost-queries'
import './net-cost.scss'

/** The forms a net monthly cost can be worked out for, in the order the switch offers them (the compiler checks the list). */
const MONTHLY = { full_day: 0, half_day: 1 } satisfies Record<MonthlyForm, number>
const MONTHLY_FORMS = Object.keys(MONTHLY) as MonthlyForm[]
const isMonthly = (form: ServiceForm): form is MonthlyForm => form in MONTHLY

type Props = {
  institutionId: string
  /** 'YYYY-MM': the signed-in parent's child's, or the one kept on the device (useDeviceBirthMonth). Null: nothing is shown. */
  birthMonth: string | null
  /** The service forms the institution offers (its services' forms): the switch offers its monthly ones. Both when not given. */
  forms?: ServiceForm[]
}

const yuan = formatYuan
/** The class's own name (托小一班), as the institution calls it. */
const className = (month: NetCostMonth) => month.className ?? ''

/** Consecutive months with the same class and figures, as one line: "2027年1月–2027年9月 托小班 每月 1,930元". */
type Group = { from: string; to: string; month: NetCostMonth }

const sameFigures = (a: NetCostMonth, b: NetCostMonth) =>
  a.classType === b.classType &&
  a.className === b.className &&
  a.feeYuan === b.feeYuan &&
  a.mealsYuan === b.mealsYuan &&
  a.subsidyYuan === b.subsidyYuan &&
  a.netYuan === b.netYuan

export function groupMonths(months: NetCostMonth[]): Group[] {
  const groups: Group[] = []
  for (const month of months) {
    const last = groups[groups.length - 1]
    if (last && sameFigures(last.month, month)) last.to = month.month
    else groups.push({ from: month.month, to: month.month, month })
  }
  return groups
}

function FormSwitch({ forms, form, onChange }: { forms: MonthlyForm[]; form: MonthlyForm; onChange: (form: MonthlyForm) => void }) {
  return (
    <View className='net-cost__forms' role='radiogroup' aria-label={t('netCost.formLabel')}>
      {forms.map((option) => (
        <View
          key={option}
          {...pressable('radio')}
          aria-checked={form === option}
          className={`net-cost__form ${form === option ? 'net-cost__form--active' : ''}`}
          onClick={() => form !== option && onChange(option)}
        >
          {t(`enums.serviceForm.${option}`)}
        </View>
      ))}
    </View>
  )
}

/** This month's figures (or the first month with a class): what is left to pay large, and each line that makes it. */
function Summary({ cost, first }: { cost: NetCost; first: NetCostMonth }) {
  const name = className(first)
  const label =
    first.month === cost.asOfMonth
      ? t('netCost.thisMonth', { month: formatMonth(first.month) })
      : t('netCost.fromMonth', { month: formatMonth(first.month), class: name })
  const lines: Array<[string, string]> = [
    [t('netCost.fee', { class: name }), t('netCost.plus', { amount: formatAmount(first.feeYuan ?? 0) })],
    [t('netCost.meals'), t('netCost.plus', { amount: formatAmount(first.mealsYuan) })],
    [t('netCost.subsidy'), t('netCost.minus', { amount: formatAmount(first.subsidyYuan) })],
  ]
  return (
    <View className='net-cost__summary' data-testid='net-cost-summary'>
      <Text className='net-cost__label'>{label}</Text>
      <View className='net-cost__figure' data-testid='net-cost-figure'>
        {yuan(first.netYuan ?? 0)}
      </View>
      <View role='list' className='net-cost__lines' data-testid='net-cost-lines'>
        {lines.map(([what, amount]) => (
          <View key={what} role='listitem' className='net-cost__line'>
            <Text>{what}</Text>
            <Text className='net-cost__amount'>{amount}</Text>
          </View>
        ))}
        <View role='listitem' className='net-cost__line net-cost__line--total'>
          <Text>{t('netCost.net')}</Text>
          <Text className='net-cost__amount'>{yuan(first.netYuan ?? 0)}</Text>
        </View>
      </View>
    </View>
  )
}

function MonthList({ months }: { months: NetCostMonth[] }) {
  const [open, setOpen] = useState(false)
  const groups = groupMonths(months)
  return (
    <View className='net-cost__months'>
      <View {...pressable('button')} aria-expanded={open} className='net-cost__toggle' onClick={() => setOpen(!open)}>
        {open ? t('netCost.hideMonths') : t('netCost.showMonths', { count: months.length })}
      </View>
      {open ? (
        <View role='list' aria-label={t('netCost.months')} className='net-cost__groups' data-testid='net-cost-months'>
          {groups.map(({ from, to, month }) => (
            <View key={from} role='listitem' className='net-cost__group'>
              <View className='net-cost__group-head'>
                <Text className='net-cost__when'>{from === to ? formatMonth(from) : t('netCost.range', { from: formatMonth(from), to: formatMonth(to) })}</Text>
                <Text className={month.netYuan === null ? 'net-cost__none' : 'net-cost__what'}>
                  {month.netYuan === null ? t('netCost.noClass') : t('netCost.groupLine', { class: className(month), amount: formatAmount(month.netYuan) })}
                </Text>
              </View>
              {month.feeYuan === null ? null : (
                <Text className='net-cost__parts'>
                  {t('netCost.groupParts', {
                    fee: formatAmount(month.feeYuan),
                    meals: formatAmount(month.mealsYuan),
                    subsidy: formatAmount(month.subsidyYuan),
                  })}
                </Text>
              )}
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}

function Assumptions({ assumptions }: { assumptions: string[] }) {
  return (
    <View className='net-cost__assumptions' data-testid='net-cost-assumptions'>
      <View className='net-cost__heading' role='heading' aria-level={3}>
        {t('netCost.assumptions')}
      </View>
      <View role='list'>
        {assumptions.map((assumption) => (
          <View key={assumption} role='listitem' className='net-cost__assumption'>
            {assumption}
          </View>
        ))}
      </View>
      <Text className='net-cost__note'>{t('netCost.note')}</Text>
    </View>
  )
}

function Body({ cost, form }: { cost: NetCost; form: MonthlyForm }) {
  if (cost.months.length === 0) return <Text className='net-cost__empty'>{t('netCost.overThree')}</Text>
  return (
    <>
      {cost.firstMonth ? (
        <Summary cost={cost} first={cost.firstMonth} />
      ) : (
        <Text className='net-cost__empty'>{t('netCost.noneForForm', { form: t(`enums.serviceForm.${form}`) })}</Text>
      )}
      {cost.firstMonth ? <MonthList months={cost.months} /> : null}
      <Assumptions assumptions={cost.assumptions} />
    </>
  )
}

/**
 * 每月实际要付多少 at one institution for one child: this month's fee + 伙食费 − 补贴 = what is left (large, each line
 * shown), then month by month until the child turns 3 (collapsed, runs of equal months as one line), then every
 * assumption behind the figures. 全日托 and 半日托 switch between the two.
 */
export function NetCostPanel({ institutionId, birthMonth, forms }: Props) {
  const offered = forms ? MONTHLY_FORMS.filter((form) => forms.some((f) => isMonthly(f) && f === form)) : MONTHLY_FORMS
  const [chosen, setChosen] = useState<MonthlyForm>(offered[0] ?? 'full_day')
  const form = offered.includes(chosen) ? chosen : (offered[0] ?? 'full_day')
  const cost = useNetCost(institutionId, offered.length ? birthMonth : null, form)

  if (birthMonth === null || offered.length === 0) return null
  return (
    <View className='net-cost' data-testid='net-cost-panel' data-form={form}>
      <View className='net-cost__title' role='heading' aria-level={2}>
        {t('netCost.title')}
      </View>
      <Text className='net-cost__meta'>
        {t('netCost.forBirthMonth', { month: formatMonth(birthMonth) })}
        {offered.length === 1 ? ` · ${t(`enums.serviceForm.${form}`)}` : ''}
      </Text>
      {offered.length > 1 ? <FormSwitch forms={offered} form={form} onChange={setChosen} /> : null}
      {cost.status === 'error' && !cost.data ? (
        <ErrorView title={t('netCost.loadFailed')} message={describeError(cost.error)} onRetry={() => void cost.refetch()} />
      ) : cost.data ? (
        <Body cost={cost.data} form={form} />
      ) : (
        <View className='net-cost__loading'>{t('netCost.loading')}</View>
      )}
    </View>
  )
}
