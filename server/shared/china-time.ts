import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

const CHINA_OFFSET_MINUTES = 8 * 60

/** Today's date in China (UTC+8, no daylight saving), whatever the server's time zone. */
export function chinaToday(now: Date = new Date()): string {
  return dayjs(now).utcOffset(CHINA_OFFSET_MINUTES).format('YYYY-MM-DD')
}

/** Whole months from the first day of `birthMonth` (YYYY-MM) to today in China. Negative for a future month. */
export function ageInMonths(birthMonth: string, now: Date = new Date()): number {
  const today = dayjs(chinaToday(now))
  return today.diff(dayjs(`${birthMonth}-01`), 'month')
}
