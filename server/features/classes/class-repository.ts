import { sql, type Expression, type Insertable, type Kysely, type SqlBool, type Transaction } from 'kysely'
import type { ClassKind, ClassMode, ClassTopic } from '../../../types/classes'
import type { Database, ParentingClassesTable } from '../../db/schema'

type Db = Kysely<Database> | Transaction<Database>

export interface Point {
  lat: number
  lng: number
}

const originEarth = (origin: Point) => sql`ll_to_earth(${origin.lat}::float8, ${origin.lng}::float8)`
const classEarth = sql`ll_to_earth(c.lat, c.lng)`

function distanceKm(origin: Point | null) {
  if (!origin) return sql<number | null>`NULL::float8`
  return sql<number | null>`CASE WHEN c.mode = 'offline' THEN earth_distance(${classEarth}, ${originEarth(origin)}) / 1000.0 END`
}

/** Classes with their centre, district and waiting count; `c` is the class, `h` its centre. */
export function classQuery(db: Db, origin: Point | null = null) {
  return db
    .selectFrom('parentingClasses as c')
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

export async function findClasses(db: Db, ids: string[]): Promise<ClassRow[]> {
  if (!ids.length) return []
  return classQuery(db).where('c.id', 'in', ids).execute()
}

/** The search after validation: every value here is known to be well-formed. */
export interface ClassSearch {
  origin: Point | null
  radiusKm: number
  cityCode: string | null
  districtCode: string | null
  topic: ClassTopic | null
  kind: ClassKind | null
  mode: ClassMode | null
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
    db
      .selectFrom('parentingClasses as c')
      .innerJoin('healthCentres as h', 'h.id', 'c.centreId')
      .select(sql<number>`count(*)::int`.as('total'))
      .where((eb) => eb.and(filters))
      .executeTakeFirstOrThrow(),
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

/** What staff set when publishing; the counters, status and stamps are the database's. */
export type ClassValues = Omit<
  Insertable<ParentingClassesTable>,
  'id' | 'confirmedCount' | 'lastQueueNumber' | 'status' | 'cancelReason' | 'cancelledAt' | 'version' | 'isDemo' | 'demoKey' | 'createdAt' | 'updatedAt'
>

export async function insertClass(db: Db, values: ClassValues): Promise<string> {
  const row = await db.insertInto('parentingClasses').values(values).returning('id').executeTakeFirstOrThrow()
  return row.id
}

// ---- demo classes ----

export async function listDemoCentres(db: Db) {
  return db.selectFrom('healthCentres').select(['id', 'name', 'cityCode', 'address', 'lat', 'lng']).where('isDemo', '=', true).orderBy('name').execute()
}

/** Inserts the demo classes not there yet (demo_key); returns the ones it inserted. */
export async function insertDemoClasses(db: Db, classes: Array<Insertable<ParentingClassesTable> & { demoKey: string }>) {
  const inserted = await db
    .insertInto('parentingClasses')
    .values(classes)
    .onConflict((oc) => oc.column('demoKey').doNothing())
    .returning(['id', 'demoKey'])
    .execute()
  return inserted.map((row) => ({ id: row.id, demoKey: row.demoKey! }))
}
