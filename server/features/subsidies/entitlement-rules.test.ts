import type { SubsidyProgramme } from '../../../types/subsidies'
import { entitlementOf, estimateFor } from './entitlement-rules'
import { NATIONAL } from './test-fixtures'

/** A 市州 top-up for the first year of life, paid in 2026 only. */
const TOP_UP: SubsidyProgramme = {
  ...NATIONAL,
  id: '00000000-0000-4000-8000-000000000002',
  name: '长春市婴儿补贴',
  level: 'city',
  cityCode: '220100',
  cityName: '长春市',
  amountPerMonthYuan: 100,
  fromMonth: '2026-01',
  toMonth: '2026-12',
  ageFromMonths: 0,
  ageToMonths: 12,
  renewYearly: false,
  paymentNote: '',
}

const figures = (e: ReturnType<typeof entitlementOf>) =>
  e && {
    state: e.state,
    first: e.firstMonth,
    last: e.lastMonth,
    months: e.months,
    total: e.totalYuan,
    left: e.monthsLeft,
    leftYuan: e.leftYuan,
    renewBy: e.renewBy,
  }

describe('the national subsidy for one child, by birth month', () => {
  it('pays a child born in 2025 for 36 months from the birth month, and says what is left and when to renew', () => {
    // 14 months old in December 2026.
    expect(figures(entitlementOf(NATIONAL, '2025-10', '2026-12'))).toEqual({
      state: 'paying',
      first: '2025-10',
      last: '2028-09',
      months: 36,
      total: 10800,
      left: 22,
      leftYuan: 6600,
      renewBy: '2027-10',
    })
  })

  it('pays a child born before 2025 only the months from January 2025 until the month before it turns 3', () => {
    // Born October 2022: three in October 2025, so January–September 2025.
    expect(figures(entitlementOf(NATIONAL, '2022-10', '2025-06'))).toEqual({
      state: 'paying',
      first: '2025-01',
      last: '2025-09',
      months: 9,
      total: 2700,
      left: 4,
      leftYuan: 1200,
      renewBy: null,
    })
  })

  it('counts a child turning 3 in the middle of a year up to the month before its birthday', () => {
    // Born July 2024: three in July 2027; the programme year from January 2027 is its last, cut short in June.
    expect(figures(entitlementOf(NATIONAL, '2024-07', '2026-12'))).toEqual({
      state: 'paying',
      first: '2025-01',
      last: '2027-06',
      months: 30,
      total: 9000,
      left: 7,
      leftYuan: 2100,
      renewBy: '2027-01',
    })
  })

  it('has ended for a child who has turned 3, keeping what it paid', () => {
    expect(figures(entitlementOf(NATIONAL, '2022-10', '2026-12'))).toMatchObject({
      state: 'ended',
      months: 9,
      total: 2700,
      left: 0,
      leftYuan: 0,
      renewBy: null,
    })
  })

  it('gives nothing to a child who turned 3 before the programme began', () => {
    expect(entitlementOf(NATIONAL, '2021-12', '2026-12')).toBeNull()
    // Three in January 2025 exactly: the month of the birthday is not paid for.
    expect(entitlementOf(NATIONAL, '2022-01', '2026-12')).toBeNull()
    expect(figures(entitlementOf(NATIONAL, '2022-02', '2026-12'))).toMatchObject({ first: '2025-01', last: '2025-01', months: 1, total: 300 })
  })

  it('is upcoming for a child not yet born, with all 36 months still to come', () => {
    expect(figures(entitlementOf(NATIONAL, '2027-03', '2026-12'))).toEqual({
      state: 'upcoming',
      first: '2027-03',
      last: '2030-02',
      months: 36,
      total: 10800,
      left: 36,
      leftYuan: 10800,
      renewBy: null,
    })
  })
})

describe('a programme with an end date', () => {
  it('stops at its last month even when the child is still young enough', () => {
    expect(figures(entitlementOf(TOP_UP, '2026-05', '2026-12'))).toMatchObject({
      state: 'paying',
      first: '2026-05',
      last: '2026-12',
      months: 8,
      total: 800,
      left: 1,
    })
  })

  it('gives nothing to a child too old when it began or born after it ended', () => {
    expect(entitlementOf(TOP_UP, '2024-12', '2026-12')).toBeNull()
    expect(entitlementOf(TOP_UP, '2027-01', '2026-12')).toBeNull()
  })
})

describe('the estimate for a child', () => {
  it('adds up this month and what is left over every programme, paying ones first, with each rule stated', () => {
    const estimate = estimateFor([NATIONAL, TOP_UP], '2026-05', '2026-12', true)
    expect(estimate).toMatchObject({ birthMonth: '2026-05', asOfMonth: '2026-12', turnsThreeMonth: '2029-05', thisMonthYuan: 400 })
    // National: May 2026 – April 2029 (29 months from December); the top-up: December only.
    expect(estimate.leftYuan).toBe(29 * 300 + 100)
    expect(estimate.entitlements.map((e) => e.programme.name)).toEqual(['国家育儿补贴', '长春市婴儿补贴'])
    expect(estimate.assumptions).toEqual([
      '只按出生月份计算：出生当月为0个月龄，满3周岁当月起不再计入。',
      '国家育儿补贴：2025年1月起，每月300元，月龄0至36个月（不含）的婴幼儿，按年发放。每年需重新申领，按首个可领月份起每满一年提醒，具体时间以当地通知为准。依据《育儿补贴制度实施方案》，截至2025-07-28。',
      '长春市婴儿补贴：2026年1月至2026年12月，每月100元，月龄0至12个月（不含）的婴幼儿。依据《育儿补贴制度实施方案》，截至2025-07-28。',
      '实际金额和发放时间以户籍所在地审核为准。',
    ])
  })

  it('lists ended programmes after the others, and says when the 市州 is not known', () => {
    // Given the 市州 programme first: the one still paying comes first all the same.
    const estimate = estimateFor([TOP_UP, NATIONAL], '2025-06', '2027-02', false)
    expect(estimate.entitlements.map((e) => [e.programme.name, e.state])).toEqual([
      ['国家育儿补贴', 'paying'],
      ['长春市婴儿补贴', 'ended'],
    ])
    expect(estimate.thisMonthYuan).toBe(300)
    expect(estimate.assumptions).toContain('未选择所在市州：只计国家和全省的补贴，不含市州的补贴。')
  })
})
