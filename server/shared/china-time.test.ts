import { ageInMonths, chinaToday } from './china-time'

it('uses the date in China, whatever the server time zone', () => {
  expect(chinaToday(new Date('2026-11-30T17:00:00Z'))).toBe('2026-12-01')
  expect(chinaToday(new Date('2026-11-30T15:59:00Z'))).toBe('2026-11-30')
})

it('counts a child’s age in calendar months, negative for a month still to come', () => {
  const now = new Date('2026-11-28T04:00:00Z')
  expect(ageInMonths('2025-09', now)).toBe(14)
  expect(ageInMonths('2026-11', now)).toBe(0)
  expect(ageInMonths('2026-12', now)).toBe(-1)
  expect(ageInMonths('2023-11', now)).toBe(36)
})
