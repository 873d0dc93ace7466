import { netCostAssumptions, netCostMonths, type CareOffer } from './net-cost-rules'
import { NATIONAL } from './test-fixtures'

const OFFER: CareOffer = {
  form: 'full_day',
  formFee: 2400,
  classFees: [{ classType: 'infant', amount: 2800 }],
  classes: [
    { type: 'infant', name: '乳儿班', minAgeMonths: 6, maxAgeMonths: 12 },
    { type: 'toddler', name: '托小班', minAgeMonths: 12, maxAgeMonths: 24 },
    { type: 'senior', name: '托大班', minAgeMonths: 24, maxAgeMonths: 36 },
  ],
  meals: { amount: 15, unit: 'day' },
  otherItems: ['床品费'],
  feesUpdatedOn: '2026-11-20',
}

describe('the net monthly cost, month by month', () => {
  it('charges a 14-month-old 托小班’s fee plus 伙食费, less the subsidy, until the month before it turns 3', () => {
    const months = netCostMonths(OFFER, [NATIONAL], '2025-10', '2026-12')
    expect(months[0]).toEqual({
      month: '2026-12',
      ageMonths: 14,
      classType: 'toddler',
      className: '托小班',
      feeYuan: 2400,
      mealsYuan: 330,
      subsidyYuan: 300,
      netYuan: 2430,
    })
    expect(months).toHaveLength(22)
    expect(months.at(-1)).toMatchObject({ month: '2028-09', ageMonths: 35, classType: 'senior', netYuan: 2430 })
  })

  it('follows the child into the next class as it grows, at that class’s fee', () => {
    const months = netCostMonths(OFFER, [NATIONAL], '2026-05', '2026-12')
    // 7 months old: 乳儿班 at its own 2,800; from 12 months 托小班 at the form's 2,400.
    expect(months[0]).toMatchObject({ ageMonths: 7, className: '乳儿班', feeYuan: 2800, netYuan: 2800 + 330 - 300 })
    expect(months.find((m) => m.ageMonths === 12)).toMatchObject({ month: '2027-05', className: '托小班', feeYuan: 2400 })
  })

  it('has no fee in months without a class for the child’s age, and the subsidy still counted', () => {
    const months = netCostMonths(OFFER, [NATIONAL], '2026-11', '2026-12')
    expect(months[0]).toEqual({
      month: '2026-12',
      ageMonths: 1,
      classType: null,
      className: null,
      feeYuan: null,
      mealsYuan: 0,
      subsidyYuan: 300,
      netYuan: null,
    })
    expect(months.find((m) => m.classType !== null)).toMatchObject({ month: '2027-05', ageMonths: 6 })
  })

  it('counts no subsidy for months the programme does not pay, and never a negative cost', () => {
    const topUp = { ...NATIONAL, name: '大额补贴', amountPerMonthYuan: 5000, toMonth: '2027-01' }
    const months = netCostMonths(OFFER, [NATIONAL, topUp], '2025-10', '2026-12')
    expect(months.map((m) => [m.month, m.subsidyYuan, m.netYuan]).slice(0, 3)).toEqual([
      ['2026-12', 5300, 0],
      ['2027-01', 5300, 0],
      ['2027-02', 300, 2430],
    ])
  })

  it('is empty for a child already 3, and offers nothing for a form the institution does not run', () => {
    expect(netCostMonths(OFFER, [NATIONAL], '2023-01', '2026-12')).toEqual([])
    expect(netCostMonths({ ...OFFER, formFee: null }, [NATIONAL], '2025-10', '2026-12').every((m) => m.netYuan === null)).toBe(true)
  })

  it('states every rule behind the figures', () => {
    expect(netCostAssumptions(OFFER, [NATIONAL], '2025-10', '2026-12')).toEqual([
      '按出生月份计算月龄；每月按孩子当月月龄所在的班级收费，同一月龄有几个班级时按收费最低的计算。',
      '收费为机构最近报送的标准（2026-11-20更新）。',
      '伙食费每天15元，按每月22个出勤日估算为330元，实际按出勤天数收取。',
      '床品费不按月收取，未计入每月费用。',
      '国家育儿补贴：2025年1月起，每月300元，月龄0至36个月（不含）的婴幼儿，按年发放。每年需重新申领，按首个可领月份起每满一年提醒，具体时间以当地通知为准。依据《育儿补贴制度实施方案》，截至2025-07-28。',
      '补贴按机构所在市州的项目计算；实际按孩子户籍所在地发放，也可能按年一次发放，而不是每月抵扣学费。',
    ])
  })
})
