import dayjs from 'dayjs'
import { t } from '../i18n'

/** Whole months between a birth month ('YYYY-MM') and this month: the way classes are set (乳儿班 6–12 个月…). */
export function ageInMonths(birthMonth: string, now: Date = new Date()): number {
  const [year, month] = birthMonth.split('-').map(Number)
  return (now.getFullYear() - year) * 12 + (now.getMonth() + 1 - month)
}

/** 14 → "1岁2个月", 8 → "8个月", 24 → "2岁". */
export function formatAge(months: number): string {
  if (months < 1) return t('age.newborn')
  const years = Math.floor(months / 12)
  const rest = months % 12
  if (years === 0) return t('age.months', { months: rest })
  if (rest === 0) return t('age.years', { years })
  return t('age.yearsMonths', { years, months: rest })
}

export const BIRTH_MONTH = /^[0-9]{4}-(0[1-9]|1[0-2])$/

/** Typed month such as "2025-9" or "2025/09" → "2025-09"; null when it is not a month. */
export function normaliseBirthMonth(input: string): string | null {
  const match = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?\s*$/.exec(input)
  if (!match) return null
  const value = `${match[1]}-${match[2].padStart(2, '0')}`
  return BIRTH_MONTH.test(value) && dayjs(`${value}-01`).isValid() ? value : null
}
