import type { PrepaymentFacts, PrepaymentRule } from '../../../types/prepayments'
import { prepaymentBadge } from './badge-rules'

const RULE: PrepaymentRule = {
  regionCode: '220000',
  regionName: '吉林省',
  maxMonths: 3,
  escrowAboveYuan: 5000,
  ruleText: '预收费周期不得超过3个月，预收超过5000元的须存入监管账户。',
  sourceDocument: '示例文件',
  sourcePublishedOn: '2025-01-01',
  checkedOn: '2025-01-01',
  isDemo: false,
}
const facts = (overrides: Partial<PrepaymentFacts> = {}): PrepaymentFacts => ({
  longestPrepaymentMonths: 3,
  escrowBank: '吉林银行',
  modelContract: true,
  checkedOn: '2026-11-20',
  ...overrides,
})

describe('the prepaid-money badge', () => {
  it('is 未见监管信息 when no regulator has checked the institution', () => {
    expect(prepaymentBadge(null, RULE, 2000)).toEqual({ badge: 'no_information', reasons: ['监管部门尚未登记该机构的预收费情况。'] })
  })

  it('is 受监管 for prepayments within the rule, held in a supervised account, naming the bank and the check', () => {
    expect(prepaymentBadge(facts(), RULE, 2000)).toEqual({ badge: 'supervised', reasons: ['预收费存入吉林银行的监管账户，监管部门核实于2026-11-20。'] })
  })

  it('is 违规预收 for a longer prepayment than the rule allows, even with a supervised account', () => {
    expect(prepaymentBadge(facts({ longestPrepaymentMonths: 6 }), RULE, 2000)).toEqual({
      badge: 'breach',
      reasons: ['预收6个月的费用，超过规定的最长3个月。'],
    })
  })

  it('is 违规预收 for more than may be held outside a supervised account, without one', () => {
    // 3 months at 2,000 yuan: 6,000 yuan in advance, above the 5,000 that must be bank-held.
    expect(prepaymentBadge(facts({ escrowBank: null }), RULE, 2000)).toEqual({
      badge: 'breach',
      reasons: ['最多预收约6,000元，超过5,000元须存入监管账户，但未见资金监管。'],
    })
    // At 1,500 yuan the same 3 months stay under the threshold: no breach, but no supervision either.
    expect(prepaymentBadge(facts({ escrowBank: null }), RULE, 1500).badge).toBe('no_information')
  })

  it('gives every breach at once', () => {
    expect(prepaymentBadge(facts({ longestPrepaymentMonths: 12, escrowBank: null }), RULE, 2000).reasons).toHaveLength(2)
  })

  it('is 不预收费用 for an institution checked to take nothing in advance', () => {
    expect(prepaymentBadge(facts({ longestPrepaymentMonths: 0, escrowBank: null }), RULE, 2000).badge).toBe('none_taken')
  })

  it('without a rule on record, cannot call anything a breach', () => {
    expect(prepaymentBadge(facts({ longestPrepaymentMonths: 12, escrowBank: null }), null, 2000)).toEqual({
      badge: 'no_information',
      reasons: ['最长预收12个月的费用，未见资金监管账户信息。'],
    })
    expect(prepaymentBadge(facts({ longestPrepaymentMonths: 12 }), null, 2000).badge).toBe('supervised')
  })
})
