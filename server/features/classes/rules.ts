import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import type { Selectable } from 'kysely'
import type { ClassSearchQuery } from '../../../types/classes'
import type { HealthCentresTable, ParentingClassesTable } from '../../db/schema'
import { ageInMonths, chinaToday } from '../../shared/china-time'
import { badRequest, conflict } from '../../shared/http-errors'
import type { Reference } from '../../shared/reference'
import type { ClassSearch, Point } from './class-repository'
import type { LockedClass } from './seat-repository'

dayjs.extend(utc)

const CHINA_OFFSET = '+08:00'
/** Parents may cancel until this long before the start unless the centre says otherwise. */
export const DEFAULT_CANCEL_LEAD_MS = 2 * 3600 * 1000

/** The first instant of a China calendar day, as an ISO string. */
const chinaDayStart = (day: string) => new Date(`${day}T00:00:00${CHINA_OFFSET}`).toISOString()

function originFrom(query: { lat?: number; lng?: number }): Point | null {
  if (query.lat === undefined && query.lng === undefined) return null
  if (query.lat === undefined) throw badRequest('lat', 'lat 与 lng 需同时提供 (lat is required with lng)')
  if (query.lng === undefined) throw badRequest('lng', 'lat 与 lng 需同时提供 (lng is required with lat)')
  return { lat: query.lat, lng: query.lng }
}

const monthIndex = (birthMonth: string) => {
  const [year, month] = birthMonth.split('-').map(Number)
  return year * 12 + month
}

/** Checks that need more than one field or the reference data; the schema has already checked each field alone. */
export function toClassSearch(query: ClassSearchQuery, reference: Reference, now = new Date()): ClassSearch {
  const origin = originFrom(query)
  for (const field of ['cityCode', 'districtCode'] as const) {
    const code = query[field]
    if (code !== undefined && !reference.regionCodes.has(code)) throw badRequest(field, `未知的地区代码 ${code} (unknown region)`)
  }
  if (query.childBirthMonth !== undefined && ageInMonths(query.childBirthMonth, now) < 0) {
    throw badRequest('childBirthMonth', '出生月份不能晚于当前月份 (childBirthMonth is in the future)')
  }
  const today = chinaToday(now)
  if (query.from && query.to && query.to < query.from) throw badRequest('to', '结束日期不能早于开始日期 (to is before from)')
  const from = query.from && query.from > today ? query.from : today
  const pageSize = query.pageSize ?? 20
  return {
    origin,
    radiusKm: query.radiusKm ?? 30,
    cityCode: query.cityCode ?? null,
    districtCode: query.districtCode ?? null,
    topic: query.topic ?? null,
    kind: query.kind ?? null,
    mode: query.mode ?? null,
    birthMonthIndex: query.childBirthMonth ? monthIndex(query.childBirthMonth) : null,
    from: chinaDayStart(from),
    to: query.to ? chinaDayStart(dayjs(query.to).add(1, 'day').format('YYYY-MM-DD')) : null,
    limit: pageSize,
    offset: ((query.page ?? 1) - 1) * pageSize,
  }
}

/** A child's age in calendar months at the class start (China time): only the birth month is known. */
export const ageAtClass = (birthMonth: string, startsAt: string) => ageInMonths(birthMonth, new Date(startsAt))

export function assertChildSuits(birthMonth: string, locked: Pick<LockedClass, 'startsAt' | 'minAgeMonths' | 'maxAgeMonths'>): void {
  const age = ageAtClass(birthMonth, locked.startsAt)
  if (age < locked.minAgeMonths || age > locked.maxAgeMonths) {
    throw badRequest('childId', `孩子上课时 ${age} 个月，本课堂适合 ${locked.minAgeMonths}–${locked.maxAgeMonths} 个月 (the child is outside the class ages)`)
  }
}

// ---- what parents may do with a class ----

export function assertOpenForSignUp(locked: Pick<LockedClass, 'status' | 'startsAt'>, now = Date.now()): void {
  if (locked.status === 'cancelled') throw conflict('该课堂已取消，不能报名 (the class is cancelled)')
  if (Date.parse(locked.startsAt) <= now) throw conflict('该课堂已开始，不能报名 (the class has started)')
}

/** A seat may be given up until the cut-off; a place on the waiting list until the class starts. */
export function assertCancellable(signUp: { status: string }, locked: Pick<LockedClass, 'startsAt' | 'cancellableUntil'>, now = Date.now()): void {
  if (signUp.status === 'class_cancelled') throw conflict('该课堂已由中心取消 (the class was cancelled by the centre)')
  if (signUp.status !== 'confirmed' && signUp.status !== 'waiting') throw conflict('该报名已结束，无需取消 (the sign-up is no longer live)')
  if (Date.parse(locked.startsAt) <= now) throw conflict('课堂已开始，不能再取消报名 (the class has started)')
  if (signUp.status === 'confirmed' && Date.parse(locked.cancellableUntil) < now) {
    const until = dayjs(locked.cancellableUntil)
      .utcOffset(8 * 60)
      .format('M月D日 HH:mm')
    throw conflict(`已过取消截止时间（${until}），席位已为您保留，如不能参加请联系中心 (cancelling closed at the cut-off)`)
  }
}

// ---- what staff may set ----

type TimesAndAges = Pick<Selectable<ParentingClassesTable>, 'startsAt' | 'endsAt' | 'cancellableUntil' | 'minAgeMonths' | 'maxAgeMonths'>

/** The times and ages of a class after a change, checked together. `startsAtChanged`: a new start must be in the future. */
export function assertClassFields(fields: TimesAndAges, startsAtChanged: boolean, now = Date.now()): void {
  if (startsAtChanged && Date.parse(fields.startsAt) <= now) throw badRequest('startsAt', '开始时间须在将来 (startsAt must be in the future)')
  if (Date.parse(fields.endsAt) <= Date.parse(fields.startsAt)) throw badRequest('endsAt', '结束时间须晚于开始时间 (endsAt must be after startsAt)')
  if (Date.parse(fields.cancellableUntil) > Date.parse(fields.startsAt)) {
    throw badRequest('cancellableUntil', '取消截止时间不能晚于开始时间 (cancellableUntil must not be after startsAt)')
  }
  if (fields.minAgeMonths > fields.maxAgeMonths) throw badRequest('minAgeMonths', '最小月龄不能大于最大月龄 (minAgeMonths must not exceed maxAgeMonths)')
}

/** null and absent alike mean not given: a replacement (PUT) sends null, a new class may leave them out. */
export type PlaceValues = Pick<Selectable<ParentingClassesTable>, 'address' | 'lat' | 'lng' | 'onlineUrl'>
type Place = Pick<Selectable<ParentingClassesTable>, 'mode'> & Partial<PlaceValues>

/**
 * Where the class takes place. Offline: the address and position given, else the centre's (a position without an
 * address is refused; an address without a position takes the centre's position). Online: no address or position.
 */
export function placeOf(input: Place, centre: Pick<Selectable<HealthCentresTable>, 'address' | 'lat' | 'lng'>): PlaceValues {
  if ((input.lat == null) !== (input.lng == null)) {
    const missing = input.lat == null ? 'lat' : 'lng'
    throw badRequest(missing, 'lat 与 lng 需同时提供 (lat and lng go together)')
  }
  if (input.mode === 'online') {
    for (const field of ['address', 'lat'] as const) {
      if (input[field] != null) throw badRequest(field, '线上课堂不填写地址和位置 (an online class has no address or position)')
    }
    return { address: null, lat: null, lng: null, onlineUrl: input.onlineUrl ?? null }
  }
  if (input.onlineUrl != null) throw badRequest('onlineUrl', '线下课堂不需要线上链接 (an offline class has no online link)')
  if (input.lat != null && input.address == null) throw badRequest('address', '给出位置时请同时填写地址 (address is required with lat and lng)')
  return {
    address: input.address ?? centre.address,
    lat: input.lat ?? centre.lat,
    lng: input.lng ?? centre.lng,
    onlineUrl: null,
  }
}
