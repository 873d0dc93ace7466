const CHINA_OFFSET_MINUTES = 8 * 60

/** Today's date in China (UTC+8, no daylight saving), whatever the server's time zone. */
export function chinaToday(now: Date = new Date()): string {
  // Every search asks: the clock shifted by eight hours and read as UTC is a tenth of dayjs's cost.
  return new Date(now.getTime() + CHINA_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10)
}

/**
 * Age in months of a child born in `birthMonth` (YYYY-MM), counted in calendar months to this month in China:
 * only the month is known, so a child born in September is 2 months old in November. Negative for a future month.
 */
export function ageInMonths(birthMonth: string, now: Date = new Date()): number {
  const [year, month] = birthMonth.split('-').map(Number)
  const [thisYear, thisMonth] = chinaToday(now).split('-').map(Number)
  return (thisYear - year) * 12 + (thisMonth - month)
}
