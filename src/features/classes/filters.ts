import type { ClassKind, ClassMode, ClassSearchQuery, ClassTopic } from '../../../types/classes'
import type { Origin } from '../../utils/origin'
import { chinaTime } from '../../utils/time'
import type { DateRange } from './constants'

export type ClassFilters = {
  topic: ClassTopic | null
  kind: ClassKind | null
  mode: ClassMode | null
  /** 'YYYY-MM': only classes that suit a child born then. */
  childBirthMonth: string | null
  dates: DateRange
}

export const emptyFilters: ClassFilters = { topic: null, kind: null, mode: null, childBirthMonth: null, dates: 'all' }

/** The filters behind 筛选 (topic and dates have their own chips). */
export function sheetFilterCount(filters: ClassFilters): number {
  return [filters.kind, filters.mode, filters.childBirthMonth].filter((value) => value !== null).length
}

export function hasAnyFilter(filters: ClassFilters): boolean {
  return filters.topic !== null || filters.dates !== 'all' || sheetFilterCount(filters) > 0
}

/** China calendar days: 今天, 本周 (to Sunday), 本月 (to its last day); 'all' leaves the BFF's default (from today). */
export function dateRangeOf(range: DateRange, now: Date = new Date()): Pick<ClassSearchQuery, 'from' | 'to'> {
  if (range === 'all') return {}
  const today = chinaTime(now).startOf('day')
  const from = today.format('YYYY-MM-DD')
  if (range === 'today') return { from, to: from }
  if (range === 'week') return { from, to: today.add((7 - today.day()) % 7, 'day').format('YYYY-MM-DD') }
  return { from, to: today.endOf('month').format('YYYY-MM-DD') }
}

/** A 市州 code ends in 00 (GB/T 2260, and the BFF's own 229100/229200); anything else is a district. */
function regionQuery(code: string): Pick<ClassSearchQuery, 'cityCode' | 'districtCode'> {
  return code.endsWith('00') ? { cityCode: code } : { districtCode: code }
}

/** Near the device (nearest first) or in the picked 市州/district (soonest first). */
export function buildClassQuery(origin: Origin, filters: ClassFilters, page: number, pageSize: number, now: Date = new Date()): ClassSearchQuery {
  const query: ClassSearchQuery = {
    ...(origin.kind === 'device' ? { lat: origin.lat, lng: origin.lng } : regionQuery(origin.code)),
    ...dateRangeOf(filters.dates, now),
    page,
    pageSize,
  }
  if (filters.topic) query.topic = filters.topic
  if (filters.kind) query.kind = filters.kind
  if (filters.mode) query.mode = filters.mode
  if (filters.childBirthMonth) query.childBirthMonth = filters.childBirthMonth
  return query
}
