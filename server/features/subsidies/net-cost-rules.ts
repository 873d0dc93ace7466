import type { MonthlyForm, NetCostMonth, SubsidyProgramme } from '../../../types/subsidies'
import { entitlementOf, monthIndex, monthText, programmeAssumption, yuan } from './entitlement-rules'

/** Working days a month: 伙食费 charged by the day is counted for this many. */
export const MEAL_DAYS_A_MONTH = 22
const UNDER_THREE_MONTHS = 36

export interface CareOffer {
  form: MonthlyForm
  /** The form's own fee; null when the institution does not offer the form. */
  formFee: number | null
  classFees: Array<{ classType: string; amount: number }>
  classes: Array<{ type: string; name: string; minAgeMonths: number; maxAgeMonths: number }>
  meals: { amount: number; unit: 'day' | 'month' } | null
  otherItems: string[]
  feesUpdatedOn: string | null
}

/** The class a child of this age would be in: one whose ages hold it (from its first month up to its last, exclusive), the cheapest if several. */
function classFor(offer: CareOffer, ageMonths: number) {
  const feeOf = (type: string) => offer.classFees.find((c) => c.classType === type)?.amount ?? offer.formFee!
  return offer.classes
    .filter((k) => ageMonths >= k.minAgeMonths && ageMonths < k.maxAgeMonths)
    .map((k) => ({ ...k, fee: feeOf(k.type) }))
    .sort((a, b) => a.fee - b.fee)[0]
}

export function mealsPerMonth(meals: CareOffer['meals']): number {
  if (!meals) return 0
  return meals.unit === 'day' ? meals.amount * MEAL_DAYS_A_MONTH : meals.amount
}

/** Month by month from this month (or birth) until the month before the child turns 3. */
export function netCostMonths(offer: CareOffer, programmes: SubsidyProgramme[], birthMonth: string, asOfMonth: string): NetCostMonth[] {
  const birth = monthIndex(birthMonth)
  const start = Math.max(birth, monthIndex(asOfMonth))
  const meals = mealsPerMonth(offer.meals)
  const months: NetCostMonth[] = []
  for (let index = start; index < birth + UNDER_THREE_MONTHS; index++) {
    const month = monthText(index)
    const ageMonths = index - birth
    const subsidyYuan = programmes.reduce((sum, programme) => {
      const paid = entitlementOf(programme, birthMonth, month)
      return paid?.state === 'paying' ? sum + programme.amountPerMonthYuan : sum
    }, 0)
    const care = offer.formFee === null ? undefined : classFor(offer, ageMonths)
    months.push({
      month,
      ageMonths,
      classType: care?.type ?? null,
      className: care?.name ?? null,
      feeYuan: care?.fee ?? null,
      mealsYuan: care ? meals : 0,
      subsidyYuan,
      netYuan: care ? Math.max(0, care.fee + meals - subsidyYuan) : null,
    })
  }
  return months
}

/** Every rule behind the figures, for the parent to read. */
export function netCostAssumptions(offer: CareOffer, programmes: SubsidyProgramme[], birthMonth: string, asOfMonth: string): string[] {
  // The programmes that pay for some month from now on.
  const paying = programmes.filter((p) => {
    const state = entitlementOf(p, birthMonth, asOfMonth)?.state
    return state === 'paying' || state === 'upcoming'
  })
  const meals = !offer.meals
    ? '该机构未列出伙食费。'
    : offer.meals.unit === 'day'
      ? `伙食费每天${yuan(offer.meals.amount)}，按每月${MEAL_DAYS_A_MONTH}个出勤日估算为${yuan(mealsPerMonth(offer.meals))}，实际按出勤天数收取。`
      : `伙食费每月${yuan(offer.meals.amount)}。`
  return [
    '按出生月份计算月龄；每月按孩子当月月龄所在的班级收费，同一月龄有几个班级时按收费最低的计算。',
    offer.feesUpdatedOn ? `收费为机构最近报送的标准（${offer.feesUpdatedOn}更新）。` : null,
    meals,
    offer.otherItems.length ? `${offer.otherItems.join('、')}不按月收取，未计入每月费用。` : null,
    ...paying.map(programmeAssumption),
    '补贴按机构所在市州的项目计算；实际按孩子户籍所在地发放，也可能按年一次发放，而不是每月抵扣学费。',
  ].filter((line): line is string => line !== null)
}
