import type { EntitlementState, SubsidyEntitlement, SubsidyEstimate, SubsidyProgramme } from '../../../types/subsidies'
import { chinaToday } from '../../shared/china-time'
import { badRequest } from '../../shared/http-errors'

/**
 * What a child gets from each programme, from the birth month alone (parents give no day). A programme pays for every
 * month in which the child's age in months is in [ageFromMonths, ageToMonths) and the month is within the programme's
 * dates: the birth month is age 0, so the national subsidy (0–36) stops before the month the child turns 3, and a child
 * born before the programme began is paid for the months from its first month on.
 */

/** Months counted from year 0: YYYY-MM as one number, so that adding and comparing are plain arithmetic. */
export const monthIndex = (month: string) => {
  const [year, number] = month.split('-').map(Number)
  return year * 12 + number - 1
}
export const monthText = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`

/** This month in China, YYYY-MM: what every estimate is worked out as of. */
export const chinaMonth = () => chinaToday().slice(0, 7)

/** Expecting parents may look ahead this far: a child due within the next ten months. */
const LOOK_AHEAD_MONTHS = 10

/** The birth month as given, or a 400 when it is further ahead than a pregnancy. */
export function checkedBirthMonth(birthMonth: string, asOfMonth: string): string {
  const latest = monthIndex(asOfMonth) + LOOK_AHEAD_MONTHS
  if (monthIndex(birthMonth) > latest) throw badRequest('birthMonth', `出生月份不能晚于${monthText(latest)} (more than ${LOOK_AHEAD_MONTHS} months ahead)`)
  return birthMonth
}

const STATE_ORDER: Record<EntitlementState, number> = { paying: 0, upcoming: 1, ended: 2 }
const CHILD_UNDER_THREE_MONTHS = 36

/** The programme's months for this child, or null when none of its months fall within the child's ages. */
export function entitlementOf(programme: SubsidyProgramme, birthMonth: string, asOfMonth: string): SubsidyEntitlement | null {
  const birth = monthIndex(birthMonth)
  const asOf = monthIndex(asOfMonth)
  const first = Math.max(birth + programme.ageFromMonths, monthIndex(programme.fromMonth))
  const last = Math.min(birth + programme.ageToMonths - 1, programme.toMonth ? monthIndex(programme.toMonth) : Infinity)
  if (last < first) return null

  const state: EntitlementState = asOf < first ? 'upcoming' : asOf > last ? 'ended' : 'paying'
  const months = last - first + 1
  const monthsLeft = state === 'ended' ? 0 : last - Math.max(asOf, first) + 1
  return {
    programme,
    state,
    firstMonth: monthText(first),
    lastMonth: monthText(last),
    months,
    totalYuan: months * programme.amountPerMonthYuan,
    monthsLeft,
    leftYuan: monthsLeft * programme.amountPerMonthYuan,
    renewBy: state === 'paying' && programme.renewYearly ? nextRenewal(first, asOf, last) : null,
  }
}

/** Each programme year starts on the anniversary of the child's first month: the next one still paid for, if any. */
function nextRenewal(first: number, asOf: number, last: number): string | null {
  const next = first + 12 * (Math.floor((asOf - first) / 12) + 1)
  return next <= last ? monthText(next) : null
}

export const yuan = (amount: number) => `${amount.toLocaleString('zh-CN')}元`
const monthWords = (month: string) => `${Number(month.slice(0, 4))}年${Number(month.slice(5))}月`

export function programmeAssumption(programme: SubsidyProgramme): string {
  const dates = programme.toMonth ? `${monthWords(programme.fromMonth)}至${monthWords(programme.toMonth)}` : `${monthWords(programme.fromMonth)}起`
  const ages = `${programme.ageFromMonths}至${programme.ageToMonths}个月（不含）`
  const payment = programme.paymentNote ? `，${programme.paymentNote.replace(/。$/, '')}` : ''
  const renewal = programme.renewYearly ? '每年需重新申领，按首个可领月份起每满一年提醒，具体时间以当地通知为准。' : ''
  return `${programme.name}：${dates}，每月${yuan(programme.amountPerMonthYuan)}，月龄${ages}的婴幼儿${payment}。${renewal}依据${programme.sourceDocument}，截至${programme.checkedOn}。`
}

/** Every programme's months for a child born in `birthMonth`, as of `asOfMonth`, with the rules behind the figures. */
export function estimateFor(programmes: SubsidyProgramme[], birthMonth: string, asOfMonth: string, cityKnown: boolean): SubsidyEstimate {
  const entitlements = programmes
    .map((programme) => entitlementOf(programme, birthMonth, asOfMonth))
    .filter((entitlement): entitlement is SubsidyEntitlement => entitlement !== null)
    // Stable: within a state, the programmes keep their order (national, province, 市州).
    .sort((a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state])
  const paying = entitlements.filter((e) => e.state === 'paying')
  const assumptions = [
    '只按出生月份计算：出生当月为0个月龄，满3周岁当月起不再计入。',
    ...entitlements.map((e) => programmeAssumption(e.programme)),
    cityKnown ? null : '未选择所在市州：只计国家和全省的补贴，不含市州的补贴。',
    '实际金额和发放时间以户籍所在地审核为准。',
  ].filter((line): line is string => line !== null)
  return {
    birthMonth,
    asOfMonth,
    turnsThreeMonth: monthText(monthIndex(birthMonth) + CHILD_UNDER_THREE_MONTHS),
    entitlements,
    thisMonthYuan: paying.reduce((sum, e) => sum + e.programme.amountPerMonthYuan, 0),
    leftYuan: entitlements.reduce((sum, e) => sum + e.leftYuan, 0),
    assumptions,
  }
}
