import { checkedBirthMonth, checkedNickname } from './child-rules'

function fieldRejected(check: () => unknown): string | undefined {
  try {
    check()
  } catch (error) {
    return (error as { field?: string }).field
  }
  return undefined
}

// 2026-11-30 23:30 UTC is already 1 December in China.
const LATE_NOVEMBER_UTC = new Date('2026-11-30T23:30:00Z')

describe('checkedBirthMonth', () => {
  it('uses the month in China, not on the server', () => {
    expect(checkedBirthMonth('2026-12', LATE_NOVEMBER_UTC)).toBe('2026-12')
    expect(fieldRejected(() => checkedBirthMonth('2027-01', LATE_NOVEMBER_UTC))).toBe('birthMonth')
  })

  it('accepts up to 72 whole months and refuses older', () => {
    expect(checkedBirthMonth('2020-12', LATE_NOVEMBER_UTC)).toBe('2020-12')
    expect(fieldRejected(() => checkedBirthMonth('2020-11', LATE_NOVEMBER_UTC))).toBe('birthMonth')
  })
})

describe('checkedNickname', () => {
  it('trims and counts characters, not bytes', () => {
    expect(checkedNickname('  小豆豆 ')).toBe('小豆豆')
    expect(checkedNickname('一二三四五六七八九十一二')).toHaveLength(12)
  })

  it.each(['220102202401011234', '22010220240101123X', '220102240101123', '13800001111'])('refuses %s', (value) => {
    expect(fieldRejected(() => checkedNickname(value))).toBe('nickname')
  })
})
