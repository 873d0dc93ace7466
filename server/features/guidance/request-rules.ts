import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import { DAY_PERIODS, type TimeWindow } from '../../../types/guidance'
import type { City } from '../../../types/regions'
import { chinaToday } from '../../shared/china-time'
import { badRequest } from '../../shared/http-errors'

dayjs.extend(utc)

export const MAX_OPEN_REQUESTS = 3
export const LATEST_WINDOW_DAYS = 60

const addDays = (date: string, days: number) => dayjs.utc(date).add(days, 'day').format('YYYY-MM-DD')

/**
 * Windows from tomorrow to 60 days ahead (China time: a family cannot be visited today at such short notice),
 * each at most once; returned in calendar order, morning before afternoon before evening.
 */
export function checkedTimeWindows(windows: TimeWindow[], now = new Date()): TimeWindow[] {
  const today = chinaToday(now)
  const first = addDays(today, 1)
  const last = addDays(today, LATEST_WINDOW_DAYS)
  const seen = new Set<string>()
  for (const { date, period } of windows) {
    if (date < first) throw badRequest('timeWindows', `时间段最早从明天（${first}）开始 (a window on ${date} is before tomorrow)`)
    if (date > last)
      throw badRequest('timeWindows', `时间段最晚为 ${LATEST_WINDOW_DAYS} 天内（${last}） (a window on ${date} is more than ${LATEST_WINDOW_DAYS} days ahead)`)
    const key = `${date} ${period}`
    if (seen.has(key)) throw badRequest('timeWindows', `时间段 ${key} 重复了 (window ${key} given twice)`)
    seen.add(key)
  }
  const order = (w: TimeWindow) => `${w.date} ${DAY_PERIODS.indexOf(w.period)}`
  return [...windows].sort((a, b) => order(a).localeCompare(order(b)))
}

/** The district (区/县/县级市) of Jilin the code names; a 市州 is too coarse to pick the centre. */
export function checkedDistrict(cities: City[], code: string): { code: string; name: string } {
  if (cities.some((c) => c.code === code)) throw badRequest('districtCode', `请选择区县，而不是市州 (${code} is a 市州, not a district)`)
  const district = cities.flatMap((c) => c.districts).find((d) => d.code === code)
  if (!district) throw badRequest('districtCode', `未知的区县代码 ${code} (not a district of Jilin)`)
  return { code: district.code, name: district.name }
}

export function checkedAddress(raw: string): string {
  const address = raw.trim()
  if ([...address].length < 4) throw badRequest('address', '请填写详细地址，便于上门 (address too short)')
  return address
}

export function checkedScheduledAt(scheduledAt: string, now = new Date()): string {
  const at = new Date(scheduledAt)
  if (!(at.getTime() > now.getTime())) throw badRequest('scheduledAt', '上门时间必须晚于现在 (scheduledAt must be in the future)')
  return at.toISOString()
}
