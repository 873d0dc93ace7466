import type { PrepaymentBadge, PrepaymentFacts, PrepaymentRule } from '../../../types/prepayments'

/**
 * The prepaid-money badge, from what a regulator checked at the institution and the rule in force there:
 * - breach: a longer prepayment than the rule allows, or more money in advance than may be held outside a supervised
 *   account (the longest prepayment at the highest monthly fee) without one;
 * - none_taken: checked, and it takes nothing in advance;
 * - supervised: checked, with prepayments in a supervised bank account;
 * - no_information: never checked, or no supervised account on record.
 */
export function prepaymentBadge(
  facts: PrepaymentFacts | null,
  rule: PrepaymentRule | null,
  monthlyFeeYuan: number | null,
): { badge: PrepaymentBadge; reasons: string[] } {
  if (!facts) return { badge: 'no_information', reasons: ['监管部门尚未登记该机构的预收费情况。'] }
  const months = facts.longestPrepaymentMonths
  if (months === 0) return { badge: 'none_taken', reasons: ['监管部门核实：该机构不预收费用。'] }

  const breaches: string[] = []
  if (rule && months > rule.maxMonths) breaches.push(`预收${months}个月的费用，超过规定的最长${rule.maxMonths}个月。`)
  const prepaidYuan = monthlyFeeYuan === null ? null : months * monthlyFeeYuan
  if (rule?.escrowAboveYuan && !facts.escrowBank && prepaidYuan !== null && prepaidYuan > rule.escrowAboveYuan) {
    breaches.push(`最多预收约${prepaidYuan.toLocaleString('zh-CN')}元，超过${rule.escrowAboveYuan.toLocaleString('zh-CN')}元须存入监管账户，但未见资金监管。`)
  }
  if (breaches.length) return { badge: 'breach', reasons: breaches }

  if (facts.escrowBank) return { badge: 'supervised', reasons: [`预收费存入${facts.escrowBank}的监管账户，监管部门核实于${facts.checkedOn}。`] }
  return { badge: 'no_information', reasons: [`最长预收${months}个月的费用，未见资金监管账户信息。`] }
}
