import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

const CHINA_OFFSET_MINUTES = 8 * 60

/** Today's date in China (UTC+8, no daylight saving), whatever the server's time zone. */
export function chinaToday(now: Date = new Date()): string {
  return dayjs(now).utcOffset(CHINA_OFFSET_MINUTES).format('YYYY-MM-DD')
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
