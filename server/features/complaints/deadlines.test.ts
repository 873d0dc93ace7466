import { addDays, deadlinesOf, isOverdue } from './deadlines'

describe('deadlinesOf', () => {
  it('counts from the filing date in China, not UTC', () => {
    // 2026-11-28 17:00 UTC is already 11-29 01:00 in China.
    expect(deadlinesOf(new Date('2026-11-28T17:00:00Z'), { acceptDays: 7, replyDays: 15 })).toEqual({ acceptBy: '2026-12-06', replyBy: '2026-12-14' })
    expect(deadlinesOf(new Date('2026-11-28T15:59:00Z'), { acceptDays: 7, replyDays: 15 })).toEqual({ acceptBy: '2026-12-05', replyBy: '2026-12-13' })
  })

  it('crosses months and leap days', () => {
    expect(addDays('2028-02-25', 7)).toBe('2028-03-03')
    expect(addDays('2027-02-25', 7)).toBe('2027-03-04')
  })
})

describe('isOverdue', () => {
  const dates = { acceptBy: '2026-12-05', replyBy: '2026-12-13' }
  it('is overdue when not accepted by the accept date', () => {
    expect(isOverdue({ status: 'submitted', ...dates }, '2026-12-05')).toBe(false)
    expect(isOverdue({ status: 'submitted', ...dates }, '2026-12-06')).toBe(true)
    expect(isOverdue({ status: 'accepted', ...dates }, '2026-12-06')).toBe(false)
  })

  it('is overdue when not answered by the reply date, whatever the step', () => {
    for (const status of ['accepted', 'assigned', 'in_progress'] as const) {
      expect(isOverdue({ status, ...dates }, '2026-12-13')).toBe(false)
      expect(isOverdue({ status, ...dates }, '2026-12-14')).toBe(true)
    }
    for (const status of ['replied', 'closed', 'rejected'] as const) expect(isOverdue({ status, ...dates }, '2027-06-01')).toBe(false)
  })
})
