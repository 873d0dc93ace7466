import { checkCreditCode, isValidCreditCode, makeCreditCode } from './credit-code'

describe('统一社会信用代码', () => {
  it('accepts codes whose check character matches (including published ones)', () => {
    expect(isValidCreditCode('91440300708461136T')).toBe(true)
    expect(isValidCreditCode('91110000802100433B')).toBe(true)
    expect(isValidCreditCode('91220104MA17XK3P06')).toBe(true)
    expect(isValidCreditCode('52220102MJ0A12345L')).toBe(true)
  })

  it('completes 17 characters with the check character, including the 31 → 0 case', () => {
    expect(makeCreditCode('91220104MA17XK3P0')).toBe('91220104MA17XK3P06')
    expect(makeCreditCode('12220203123456789')).toBe('12220203123456789E')
    // Σ mod 31 = 0 must give check character 0, not an out-of-range index.
    const first17 = findPrefixWithCheck('0')
    expect(makeCreditCode(first17)).toBe(`${first17}0`)
  })

  it('rejects a wrong check character', () => {
    expect(checkCreditCode('91220104MA17XK3P07')).toEqual({ valid: false, reason: '统一社会信用代码校验位错误' })
  })

  it('rejects lowercase letters', () => {
    expect(checkCreditCode('91220104ma17xk3p06')).toEqual({ valid: false, reason: '统一社会信用代码不能含小写字母' })
  })

  it('rejects a wrong length', () => {
    expect(checkCreditCode('91220104MA17XK3P0')).toEqual({ valid: false, reason: '统一社会信用代码应为18位，实际为17位' })
    expect(checkCreditCode('91220104MA17XK3P066')).toMatchObject({ valid: false, reason: '统一社会信用代码应为18位，实际为19位' })
    expect(isValidCreditCode('')).toBe(false)
  })

  it.each(['I', 'O', 'Z', 'S', 'V'])('rejects the forbidden letter %s', (letter) => {
    const code = `91220104MA17XK3P${letter}6`
    expect(checkCreditCode(code)).toMatchObject({ valid: false, reason: expect.stringContaining(`非法字符 ${letter}`) })
  })

  it('refuses to complete a malformed prefix', () => {
    expect(() => makeCreditCode('91220104MA17XK3PO')).toThrow()
    expect(() => makeCreditCode('9122')).toThrow()
  })
})

function findPrefixWithCheck(check: string): string {
  for (let n = 0; n < 1000; n++) {
    const prefix = `9122010400000${String(n).padStart(4, '0')}`
    if (makeCreditCode(prefix).endsWith(check)) return prefix
  }
  throw new Error('no prefix found')
}
