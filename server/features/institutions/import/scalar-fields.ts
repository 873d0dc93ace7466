import dayjs from 'dayjs'

/** Outcome of checking one value: the parsed value, or a Chinese reason for the person who fixes the file. */
export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string }

const ok = <T>(value: T): Checked<T> => ({ ok: true, value })
const fail = (reason: string): Checked<never> => ({ ok: false, reason })

export function checkRequiredText(value: string, label: string, maxLength: number): Checked<string> {
  if (value === '') return fail(`${label}不能为空`)
  return checkOptionalText(value, label, maxLength)
}

export function checkOptionalText(value: string, label: string, maxLength: number): Checked<string> {
  if (value.length > maxLength) return fail(`${label}不能超过${maxLength}个字，实际${value.length}个字`)
  return ok(value)
}

export function checkEnum<const T extends readonly string[]>(value: string, allowed: T, label: string): Checked<T[number]> {
  if (value === '') return fail(`${label}不能为空，应为 ${allowed.join('|')}`)
  if (!allowed.includes(value)) return fail(`未知的${label} ${value}，应为 ${allowed.join('|')}`)
  return ok(value as T[number])
}

const TRUE_WORDS = ['true', '是', '1']
const FALSE_WORDS = ['false', '否', '0', '']

/** An empty cell means "no": a spreadsheet user leaves flags they do not have blank. */
export function checkBoolean(value: string, label: string): Checked<boolean> {
  const word = value.toLowerCase()
  if (TRUE_WORDS.includes(word)) return ok(true)
  if (FALSE_WORDS.includes(word)) return ok(false)
  return fail(`${label}应为 true/false/是/否/1/0，实际为 ${value}`)
}

// Registry files repeat the same few thousand dates; remembering them keeps a 100,000-row import from spending seconds in dayjs.
const knownDates = new Map<string, boolean>()

export function isRealDate(value: string): boolean {
  let real = knownDates.get(value)
  if (real === undefined) {
    real = /^\d{4}-\d{2}-\d{2}$/.test(value) && dayjs(value).format('YYYY-MM-DD') === value
    if (knownDates.size < 100_000) knownDates.set(value, real)
  }
  return real
}

/** A YYYY-MM-DD date that exists and is not after `today` (also YYYY-MM-DD, so string order is date order). */
export function checkPastDate(value: string, label: string, today: string): Checked<string> {
  if (value === '') return fail(`${label}不能为空`)
  if (!isRealDate(value)) return fail(`${label}应为真实日期，格式 YYYY-MM-DD，实际为 ${value}`)
  if (value > today) return fail(`${label} ${value} 晚于今天（${today}）`)
  return ok(value)
}

export function checkDate(value: string, label: string): Checked<string> {
  if (value === '') return fail(`${label}不能为空`)
  if (!isRealDate(value)) return fail(`${label}应为真实日期，格式 YYYY-MM-DD，实际为 ${value}`)
  return ok(value)
}

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?$/

/** Accepts "2026-10-20 09:30", "2026-10-20T09:30:00" or with an offset; times without an offset are Beijing time. Returns ISO 8601. */
export function checkTimestamp(value: string, label: string, today: string): Checked<string> {
  const match = TIMESTAMP.exec(value)
  if (!match || !isRealDate(match[1]) || Number(match[2]) > 23 || Number(match[3]) > 59 || Number(match[4] ?? 0) > 59) {
    return fail(`${label}应为日期时间，如 2026-10-20 09:30 或 2026-10-20T09:30:00+08:00，实际为 ${value}`)
  }
  const [, date, hours, minutes, seconds = '00', offset = '+08:00'] = match
  if (date > today) return fail(`${label} ${value} 晚于今天（${today}）`)
  return ok(`${date}T${hours}:${minutes}:${seconds}${offset}`)
}

export function checkInteger(value: string, label: string, min: number, max = Number.MAX_SAFE_INTEGER): Checked<number> {
  if (!/^\d+$/.test(value)) return fail(`${label}应为${min > 0 ? '正' : '非负'}整数，实际为 ${value === '' ? '空' : value}`)
  const number = Number(value)
  if (number < min) return fail(`${label}不能小于${min}，实际为 ${number}`)
  if (number > max) return fail(`${label}不能大于${max}，实际为 ${number}`)
  return ok(number)
}

export function checkDecimal(value: string, label: string): Checked<number> {
  if (!/^-?\d+(\.\d+)?$/.test(value)) return fail(`${label}应为数字，实际为 ${value === '' ? '空' : value}`)
  return ok(Number(value))
}

export function checkPhone(value: string): Checked<string> {
  if (value === '') return fail('联系电话不能为空')
  if (!/^[0-9-]+$/.test(value)) return fail(`联系电话只能包含数字和连字符，实际为 ${value}`)
  const digits = value.replace(/-/g, '').length
  if (digits < 7 || digits > 20) return fail(`联系电话应有7到20位数字，实际${digits}位`)
  return ok(value)
}

/** Opening hours such as 07:30-17:30, start before end, within one day. */
export function checkHours(value: string, label: string): Checked<string> {
  const match = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/.exec(value)
  if (!match) return fail(`${label}应写成 07:30-17:30，实际为 ${value === '' ? '空' : value}`)
  const start = Number(match[1]) * 60 + Number(match[2])
  const end = Number(match[3]) * 60 + Number(match[4])
  if (start >= end) return fail(`${label}的开始时间应早于结束时间，实际为 ${value}`)
  return ok(value)
}
