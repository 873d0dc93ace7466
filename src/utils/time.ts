import dayjs, { type Dayjs } from 'dayjs'
import relativeTime from 'dayjs/plugin/relativeTime'
import utc from 'dayjs/plugin/utc'
import 'dayjs/locale/zh-cn'
import { t } from '../i18n'

dayjs.extend(relativeTime)
dayjs.extend(utc)
dayjs.locale('zh-cn')

export function formatDate(value: string): string {
  return dayjs(value).format(t('time.date'))
}

export function formatMonth(value: string): string {
  return dayjs(`${value}-01`).format(t('time.month'))
}

/** "3 天前" — relative to now (or `now` in tests). */
export function fromNow(value: string, now: Date = new Date()): string {
  return dayjs(value).from(now)
}

/** "3 天前更新 · 2026年11月25日": staleness matters to parents, so both relative and absolute. */
export function formatUpdated(value: string, now: Date = new Date()): string {
  return t('detail.updated', { relative: fromNow(value, now), date: formatDate(value) })
}

/** "空位信息更新于 2026年11月10日（3 周前）": says what was updated before any number, so it never reads as a count of places. */
export function formatVacanciesUpdated(value: string, now: Date = new Date()): string {
  return t('institution.vacanciesUpdated', { date: formatDate(value), relative: fromNow(value, now) })
}

const CHINA_OFFSET_MINUTES = 8 * 60

/** Classes and home visits happen in Jilin: their times read in China time whatever the device's time zone. */
export function chinaTime(value: string | Date = new Date()): Dayjs {
  return dayjs(value).utcOffset(CHINA_OFFSET_MINUTES)
}

/** "今天 14:00", "明天 14:00", "周六 09:30" (later this week), "12月5日 14:00", "2027年1月5日 14:00" — in China time. */
export function formatWhen(value: string, now: Date = new Date()): string {
  const at = chinaTime(value)
  const today = chinaTime(now).startOf('day')
  const days = at.startOf('day').diff(today, 'day')
  const time = at.format('HH:mm')
  if (days === 0) return t('time.today', { time })
  if (days === 1) return t('time.tomorrow', { time })
  if (days === -1) return t('time.yesterday', { time })
  if (days > 1 && days < 7) return `${at.format('ddd')} ${time}`
  return at.format(at.year() === today.year() ? t('time.monthDayTime') : t('time.dateTime'))
}
