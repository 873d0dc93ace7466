import dayjs from 'dayjs'
import relativeTime from 'dayjs/plugin/relativeTime'
import 'dayjs/locale/zh-cn'
import { t } from '../i18n'

dayjs.extend(relativeTime)
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
