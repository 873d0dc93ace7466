import { sql, type Expression, type Insertable, type Kysely, type SqlBool, type Transaction } from 'kysely'
import type { ClassMessageKind, SignUpStatus } from '../../../types/classes'
import type { Database } from '../../db/schema'
import { queueMessage, queueReminder } from './message-jobs'

type Db = Kysely<Database> | Transaction<Database>
type Trx = Transaction<Database>

export interface Point { lat: number; lng: number }

/** Sign-ups holding a seat: counted in parenting_classes.confirmed_count. */
export const SEAT_HOLDING: SignUpStatus[] = ['confirmed', 'attended', 'absent']
/** Sign-ups still in play before the class: one per parent and class (see the unique index). */
export const LIVE: SignUpStatus[] = ['confirmed', 'waiting']

// ---- classes as parents and staff see them ----

const originEarth = (origin: Point) => sql`ll_to_earth(${origin.lat}::float8, ${origin.lng}::float8)`
const classEarth = sql`ll_to_earth(c.lat, c.lng)`

function distanceKm(origin: Point | null) {
  if (!origin) return sql<number | null>`NULL::float8`
  return sql<number | null>`CASE WHEN c.mode = 'offline' THEN earth_distance(${classEarth}, ${originEarth(origin)}) / 1000.0 END`
}

/** Classes with their centre, district and waiting count; `c` is the class, `h` its centre. */
function classQuery(db: Db, origin: Point | null = null) {
  return db.selectFrom('parentingClasses as c')
    .innerJoin('healthCentres as h', 'h.id', 'c.centreId')
    .innerJoin('regions as d', 'd.code', 'h.districtCode')
    .selectAll('c')
    .select(['h.name as centreName', 'h.phone as centrePhone', 'h.cityCode', 'h.districtCode', 'd.name as districtName'])
    .select(sql<number>`(SELECT count(*)::int FROM class_sign_ups w WHERE w.class_id = c.id AND w.status = 'waiting')`.as('waitingCount'))
    .select(distanceKm(origin).as('distanceKm'))
}

export type ClassRow = Awaited<ReturnType<ReturnType<typeof classQuery>['executeTakeFirstOrThrow']>>

export async function findClass(db: Db, id: string): Promise<ClassRow | undefined> {
  return classQuery(db).where('c.id', '=', id).executeTakeFirst()
}

/** The search after validation: every value here is known to be well-formed. */
export interface ClassSearch {
  origin: Point | null
  radiusKm: number
  cityCode: string | null
  districtCode: string | null
  topic: string | null
  kind: string | null
  mode: string | null
  /** year · 12 + month of the child's birth: the class suits the child's age at its start. */
  birthMonthIndex: number | null
  /** ISO instants: from inclusive, to exclusive. */
  from: string
  to: string | null
  limit: number
  offset: number
}

function searchFilters(s: ClassSearch): Array<Expression<SqlBool>> {
  const filters: Array<Expression<SqlBool>> = [
    sql<SqlBool>`c.status = 'scheduled'`,
    sql<SqlBool>`c.starts_at > now()`,
    sql<SqlBool>`c.starts_at >= ${s.from}::timestamptz`,
  ]
  if (s.to) filters.push(sql<SqlBool>`c.starts_at < ${s.to}::timestamptz`)
  if (s.origin) {
    const metres = s.radiusKm * 1000
    filters.push(sql<SqlBool>`(c.mode = 'online' OR (earth_box(${originEarth(s.origin)}, ${metres}::float8) @> ${classEarth}
      AND earth_distance(${originEarth(s.origin)}, ${classEarth}) <= ${metres}::float8))`)
  }
  if (s.cityCode) filters.push(sql<SqlBool>`h.city_code = ${s.cityCode}`)
  if (s.districtCode) filters.push(sql<SqlBool>`h.district_code = ${s.districtCode}`)
  if (s.topic) filters.push(sql<SqlBool>`c.topic = ${s.topic}`)
  if (s.kind) filters.push(sql<SqlBool>`c.kind = ${s.kind}`)
  if (s.mode) filters.push(sql<SqlBool>`c.mode = ${s.mode}`)
  if (s.birthMonthIndex !== null) {
    // The class start as a calendar month in China (UTC+8), minus the birth month: the child's age then, in months.
    const china = sql`((c.starts_at AT TIME ZONE 'UTC') + interval '8 hours')`
    const age = sql`(extract(year FROM ${china})::int * 12 + extract(month FROM ${china})::int - ${s.birthMonthIndex}::int)`
    filters.push(sql<SqlBool>`${age} BETWEEN c.min_age_months AND c.max_age_months`)
  }
  return filters
}

/** Near a point: offline classes nearest first, then online ones soonest first. Otherwise soonest first. */
export async function searchClasses(db: Db, search: ClassSearch): Promise<{ rows: ClassRow[]; total: number }> {
  const filters = searchFilters(search)
  let page = classQuery(db, search.origin).where((eb) => eb.and(filters))
  if (search.origin) page = page.orderBy(sql`c.mode = 'online'`).orderBy(sql`earth_distance(${classEarth}, ${originEarth(search.origin)})`)
  const [rows, count] = await Promise.all([
    page.orderBy('c.startsAt').orderBy('c.id').limit(search.limit).offset(search.offset).execute(),
    db.selectFrom('parentingClasses as c').innerJoin('healthCentres as h', 'h.id', 'c.centreId')
      .select(sql<number>`count(*)::int`.as('total')).where((eb) => eb.and(filters)).executeTakeFirstOrThrow(),
  ])
  return { rows, total: count.total }
}

/** A centre's classes: upcoming (not ended) soonest first, past newest first. */
export async function listCentreClasses(db: Db, centreIds: string[], when: 'upcoming' | 'past' | 'all'): Promise<ClassRow[]> {
  if (!centreIds.length) return []
  let query = classQuery(db).where('c.centreId', 'in', centreIds)
  if (when === 'upcoming') query = query.where('c.endsAt', '>', sql<string>`now()`).orderBy('c.startsAt')
  else if (when === 'past') query = query.where('c.endsAt', '<=', sql<string>`now()`).orderBy('c.startsAt', 'desc')
  else query = query.orderBy('c.startsAt', 'desc')
  return query.orderBy('c.id').limit(500).execute()
}

export async function findCentre(db: Db, id: string) {
  return db.selectFrom('healthCentres').select(['id', 'name', 'address', 'lat', 'lng', 'phone']).where('id', '=', id).executeTakeFirst()
}

export type ClassValues = Omit<Insertable<Database['parentingClasses']>, 'id' | 'confirmedCount' | 'lastQueueNumber' | 'status' | 'cancelReason'
  | 'cancelledAt' | 'version' | 'isDemo' | 'demoKey' | 'createdAt' | 'updatedAt'>

export type PlaceColumns = Pick<ClassValues, 'address' | 'lat' | 'lng' | 'onlineUrl'>

export async function insertClass(db: Db, values: ClassValues): Promise<string> {
  const row = await db.insertInto('parentingClasses').values(values).returning('id').executeTakeFirstOrThrow()
  return row.id
}

// ---- seats: every change below runs in a transaction that holds the class row lock (lockClass) ----

/** The class row, locked until the transaction ends: sign-ups, cancellations and capacity changes queue here. */
export async function lockClass(trx: Trx, id: string) {
  return trx.selectFrom('parentingClasses').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
}

export type LockedClass = NonNullable<Awaited<ReturnType<typeof lockClass>>>

export async function updateLockedClass(trx: Trx, id: string, changes: Partial<Omit<ClassValues, 'centreId' | 'createdBy'>> & { capacity?: number }) {
  await trx.updateTable('parentingClasses')
    .set({ ...changes, version: sql<number>`version + 1`, updatedAt: sql<string>`now()` })
    .where('id', '=', id).execute()
}

/** Adds the sign-up at the end of the queue: a seat if one is free (promotions leave nobody waiting then), else the waiting list. */
export async function addSignUp(trx: Trx, locked: LockedClass, signUp: { userId: string | null; childId: string | null; subscribed: ClassMessageKind[] }) {
  const confirmed = locked.confirmedCount < locked.capacity
  const counters = await trx.updateTable('parentingClasses')
    .set({ lastQueueNumber: sql<number>`last_queue_number + 1`, confirmedCount: sql<number>`confirmed_count + ${confirmed ? 1 : 0}` })
    .where('id', '=', locked.id).returning(['lastQueueNumber']).executeTakeFirstOrThrow()
  const row = await trx.insertInto('classSignUps').values({
    classId: locked.id, userId: signUp.userId, childId: signUp.childId, subscribed: signUp.subscribed,
    status: confirmed ? 'confirmed' : 'waiting', queueNumber: counters.lastQueueNumber,
  }).returning(['id', 'status', 'subscribed']).executeTakeFirstOrThrow()
  if (confirmed) {
    await queueMessage(trx, 'sign_up_confirmed', row)
    await queueReminder(trx, row, locked.startsAt)
  }
  return row
}

/**
 * Fills free seats from the waiting list in queue order, in the caller's transaction (the class is locked), and queues
 * the promoted parents' messages with it. Nobody is promoted once the class has started or when it is cancelled.
 */
export async function promoteWaiting(trx: Trx, classId: string): Promise<string[]> {
  const locked = await trx.selectFrom('parentingClasses').select(['id', 'capacity', 'confirmedCount', 'startsAt', 'status'])
    .where('id', '=', classId).executeTakeFirstOrThrow()
  const free = locked.capacity - locked.confirmedCount
  if (free <= 0 || locked.status !== 'scheduled' || Date.parse(locked.startsAt) <= Date.now()) return []
  const next = await trx.selectFrom('classSignUps').select('id')
    .where('classId', '=', classId).where('status', '=', 'waiting')
    .orderBy('queueNumber').limit(free).execute()
  if (!next.length) return []
  const promoted = await trx.updateTable('classSignUps')
    .set({ status: 'confirmed', promotedAt: sql<string>`now()` })
    .where('id', 'in', next.map((n) => n.id)).where('status', '=', 'waiting')
    .returning(['id', 'subscribed']).execute()
  await trx.updateTable('parentingClasses').set({ confirmedCount: sql<number>`confirmed_count + ${promoted.length}` })
    .where('id', '=', classId).execute()
  for (const row of promoted) {
    await queueMessage(trx, 'promoted', row)
    await queueReminder(trx, row, locked.startsAt)
  }
  return promoted.map((p) => p.id)
}

/** The sign-up, locked; only once its class is locked (always class first, then sign-ups: no deadlocks). */
export async function lockSignUp(trx: Trx, id: string) {
  return trx.selectFrom('classSignUps').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
}

/** Ends a sign-up as cancelled by the parent; a freed seat goes to the first waiting parent. */
export async function cancelLockedSignUp(trx: Trx, signUp: { id: string; classId: string; status: string }): Promise<void> {
  await trx.updateTable('classSignUps').set({ status: 'cancelled', cancelledAt: sql<string>`now()` }).where('id', '=', signUp.id).execute()
  if (SEAT_HOLDING.includes(signUp.status as SignUpStatus)) {
    await trx.updateTable('parentingClasses').set({ confirmedCount: sql<number>`confirmed_count - 1` }).where('id', '=', signUp.classId).execute()
    await promoteWaiting(trx, signUp.classId)
  }
}

/** The centre cancels the class: every live sign-up ends as class_cancelled and its parent is told. */
export async function cancelLockedClass(trx: Trx, classId: string, reason: string): Promise<number> {
  await trx.updateTable('parentingClasses')
    .set({ status: 'cancelled', cancelReason: reason, cancelledAt: sql<string>`now()`, confirmedCount: 0, version: sql<number>`version + 1`, updatedAt: sql<string>`now()` })
    .where('id', '=', classId).execute()
  const ended = await trx.updateTable('classSignUps').set({ status: 'class_cancelled', cancelledAt: sql<string>`now()` })
    .where('classId', '=', classId).where('status', 'in', LIVE)
    .returning(['id', 'subscribed']).execute()
  for (const row of ended) await queueMessage(trx, 'class_cancelled', row)
  return ended.length
}

/**
 * Account deletion: removes every sign-up of the user; each seat it held goes to the next waiting parent, in the
 * same transaction. Classes are locked in id order, so two deletions never deadlock. Call before deleting the user.
 */
export async function releaseSignUpsOfUser(trx: Trx, userId: string): Promise<void> {
  const classIds = await trx.selectFrom('classSignUps').select('classId').distinct().where('userId', '=', userId).orderBy('classId').execute()
  for (const { classId } of classIds) {
    await lockClass(trx, classId)
    const removed = await trx.deleteFrom('classSignUps').where('classId', '=', classId).where('userId', '=', userId)
      .returning(['status']).execute()
    const seats = removed.filter((r) => SEAT_HOLDING.includes(r.status as SignUpStatus)).length
    if (seats) {
      await trx.updateTable('parentingClasses').set({ confirmedCount: sql<number>`confirmed_count - ${seats}` }).where('id', '=', classId).execute()
      await promoteWaiting(trx, classId)
    }
  }
}

// ---- sign-ups as parents see them ----

/** 1 = next to be promoted; null unless waiting. */
const waitingPosition = sql<number | null>`CASE WHEN s.status = 'waiting' THEN (SELECT count(*)::int FROM class_sign_ups q
  WHERE q.class_id = s.class_id AND q.status = 'waiting' AND q.queue_number <= s.queue_number) END`

function signUpQuery(db: Db) {
  return db.selectFrom('classSignUps as s')
    .leftJoin('children as k', 'k.id', 's.childId')
    .select(['s.id', 's.classId', 's.userId', 's.status', 's.childId', 'k.nickname as childNickname', 'k.birthMonth as childBirthMonth',
      's.signedUpAt', 's.promotedAt', 's.cancelledAt', 's.queueNumber', 's.subscribed'])
    .select(waitingPosition.as('waitingPosition'))
}

export type SignUpRow = Awaited<ReturnType<ReturnType<typeof signUpQuery>['executeTakeFirstOrThrow']>>

export async function findSignUp(db: Db, id: string): Promise<SignUpRow | undefined> {
  return signUpQuery(db).where('s.id', '=', id).executeTakeFirst()
}

export async function findMyLiveSignUp(db: Db, classId: string, userId: string): Promise<SignUpRow | undefined> {
  return signUpQuery(db).where('s.classId', '=', classId).where('s.userId', '=', userId).where('s.status', 'in', LIVE).executeTakeFirst()
}

export async function listSignUpsOfUser(db: Db, userId: string): Promise<SignUpRow[]> {
  return signUpQuery(db).where('s.userId', '=', userId).orderBy('s.signedUpAt', 'desc').limit(500).execute()
}

export async function findClasses(db: Db, ids: string[]): Promise<ClassRow[]> {
  if (!ids.length) return []
  return classQuery(db).where('c.id', 'in', ids).execute()
}

/** Confirmed and attended/absent first, then waiting in order, then cancelled; each group by arrival. */
export async function listRoster(db: Db, classId: string) {
  return signUpQuery(db)
    .leftJoin('users as u', 'u.id', 's.userId')
    .select('u.phone as parentPhone')
    .where('s.classId', '=', classId)
    .orderBy(sql`CASE WHEN s.status IN ('confirmed', 'attended', 'absent') THEN 0 WHEN s.status = 'waiting' THEN 1 ELSE 2 END`)
    .orderBy('s.queueNumber')
    .execute()
}

export async function findChildOf(db: Db, userId: string, childId: string) {
  return db.selectFrom('children').select(['id', 'nickname', 'birthMonth']).where('id', '=', childId).where('userId', '=', userId).executeTakeFirst()
}

export async function markAttendance(db: Db, signUpId: string, attended: boolean): Promise<void> {
  await db.updateTable('classSignUps').set({ status: attended ? 'attended' : 'absent', attendanceMarkedAt: sql<string>`now()` })
    .where('id', '=', signUpId).execute()
}

// ---- what a message job needs ----

export async function findMessageContext(db: Db, signUpId: string) {
  return db.selectFrom('classSignUps as s')
    .innerJoin('parentingClasses as c', 'c.id', 's.classId')
    .innerJoin('healthCentres as h', 'h.id', 'c.centreId')
    .leftJoin('users as u', 'u.id', 's.userId')
    .select(['s.id as signUpId', 's.status as signUpStatus', 's.subscribed', 'u.wechatOpenid as openid',
      'c.id as classId', 'c.title', 'c.mode', 'c.venue', 'c.startsAt', 'c.cancellableUntil', 'c.status as classStatus', 'c.cancelReason',
      'h.name as centreName', 'h.phone as centrePhone'])
    .where('s.id', '=', signUpId)
    .executeTakeFirst()
}

export type MessageContext = NonNullable<Awaited<ReturnType<typeof findMessageContext>>>
