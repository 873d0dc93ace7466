import { checkedScheduledAt, checkedTimeWindows } from './request-rules'

describe('checkedTimeWindows', () => {
  // 2026-11-30 17:30 UTC is already 1 December, 01:30, in China.
  const justAfterChinaMidnight = new Date('2026-11-30T17:30:00Z')

  it("counts tomorrow and the 60 days in China time, not the server's", () => {
    expect(() => checkedTimeWindows([{ date: '2026-12-01', period: 'evening' }], justAfterChinaMidnight)).toThrow('明天（2026-12-02）')
    expect(checkedTimeWindows([{ date: '2026-12-02', period: 'morning' }], justAfterChinaMidnight)).toHaveLength(1)
    expect(checkedTimeWindows([{ date: '2027-01-30', period: 'morning' }], justAfterChinaMidnight)).toHaveLength(1)
    expect(() => checkedTimeWindows([{ date: '2027-01-31', period: 'morning' }], justAfterChinaMidnight)).toThrow('60 天内（2027-01-30）')
  })

  it('orders windows by day, then morning, afternoon, evening; the same day in two periods is fine', () => {
    const sorted = checkedTimeWindows(
      [
        { date: '2026-12-03', period: 'evening' },
        { date: '2026-12-03', period: 'morning' },
        { date: '2026-12-02', period: 'afternoon' },
      ],
      justAfterChinaMidnight,
    )
    expect(sorted).toEqual([
      { date: '2026-12-02', period: 'afternoon' },
      { date: '2026-12-03', period: 'morning' },
      { date: '2026-12-03', period: 'evening' },
    ])
  })
})

describe('checkedScheduledAt', () => {
  it('takes only a moment in the future and answers it in UTC ISO form', () => {
    const now = new Date('2026-12-01T02:00:00Z')
    expect(checkedScheduledAt('2026-12-02T09:30:00+08:00', now)).toBe('2026-12-02T01:30:00.000Z')
    expect(() => checkedScheduledAt('2026-12-01T09:59:00+08:00', now)).toThrow('晚于现在')
  })
})
