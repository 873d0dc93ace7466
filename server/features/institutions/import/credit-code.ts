/** 统一社会信用代码 (GB 32100-2015): 17 characters plus a check character over a 31-symbol alphabet without I, O, Z, S, V. */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
const CODE_LENGTH = 18

export type CreditCodeCheck = { valid: true } | { valid: false; reason: string }

function checkCharacter(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i]) * WEIGHTS[i]
  return CHARSET[(31 - (sum % 31)) % 31]
}

export function checkCreditCode(code: string): CreditCodeCheck {
  if (code.length !== CODE_LENGTH) return { valid: false, reason: `统一社会信用代码应为18位，实际为${code.length}位` }
  if (/[a-z]/.test(code)) return { valid: false, reason: '统一社会信用代码不能含小写字母' }
  const forbidden = [...code].find((char) => !CHARSET.includes(char))
  if (forbidden !== undefined) return { valid: false, reason: `统一社会信用代码含非法字符 ${forbidden}（只允许数字和除 I、O、Z、S、V 以外的大写字母）` }
  const expected = checkCharacter(code.slice(0, 17))
  if (code[17] !== expected) return { valid: false, reason: '统一社会信用代码校验位错误' }
  return { valid: true }
}

export function isValidCreditCode(code: string): boolean {
  return checkCreditCode(code).valid
}

/** Completes 17 characters with their check character. Throws on a malformed prefix (a programming error). */
export function makeCreditCode(first17: string): string {
  if (first17.length !== 17 || [...first17].some((char) => !CHARSET.includes(char))) {
    throw new Error(`makeCreditCode needs 17 characters from ${CHARSET}, got "${first17}"`)
  }
  return first17 + checkCharacter(first17)
}
