import { sql, type Insertable, type Kysely, type Selectable, type Transaction, type Updateable } from 'kysely'
import type { GuidanceStatus, TimeWindow } from '../../../types/guidance'
import type { Database, GuidanceEventsTable, GuidanceRequestsTable } from '../../db/schema'

type Db = Kysely<Database> | Transaction<Database>

// ---- the parent, the child and consent ----

/** Only the parent's own child matches: another family's child id behaves as unknown. */
export async function findChildOf(db: Db, userId: string, childId: string) {
  return db.selectFrom('children').select(['id', 'nickname', 'birthMonth']).where('id', '=', childId).where('userId', '=', userId).executeTakeFirst()
}

/** The latest child-data consent row and the current policy version (the accounts feature's rule decides on them). */
export async function childDataConsent(db: Db, userId: string) {
  const [latest, policy] = await Promise.all([
    db
      .selectFrom('consents')
      .select(['action', 'policyVersion'])
      .where('userId', '=', userId)
      .where('kind', '=', 'child_data')
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst(),
    db.selectFrom('privacyPolicies').select('version').orderBy('publishedAt', 'desc').orderBy('version', 'desc').limit(1).executeTakeFirst(),
  ])
  return { latest, currentVersion: policy?.version }
}

/** Holds the parent's row until the transaction ends, so two requests filed at once count each other. */
export async function lockParent(trx: Transaction<Database>, userId: string): Promise<void> {
  await trx.selectFrom('users').select('id').where('id', '=', userId).forUpdate().executeTakeFirstOrThrow()
}

export async function countOpenRequests(db: Db, userId: string, openStatuses: readonly GuidanceStatus[]): Promise<number> {
  const row = await db
    .selectFrom('guidanceRequests')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('userId', '=', userId)
    .where('status', 'in', openStatuses)
    .executeTakeFirstOrThrow()
  return row.n
}

// ---- requests and their events ----

export type NewRequest = Omit<Insertable<GuidanceRequestsTable>, 'timeWindows'> & { timeWindows: TimeWindow[] }

export async function insertRequest(trx: Db, request: NewRequest): Promise<string> {
  const row = await trx
    .insertInto('guidanceRequests')
    .values({ ...request, timeWindows: JSON.stringify(request.timeWindows) })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function insertEvent(trx: Db, event: Insertable<GuidanceEventsTable>): Promise<void> {
  await trx.insertInto('guidanceEvents').values(event).execute()
}

const ROW_COLUMNS = ['id', 'userId', 'status', 'districtCode', 'centreId', 'version'] as const

/** The bare row: who it belongs to, where it is, its status and version. */
export type RequestRow = Pick<Selectable<GuidanceRequestsTable>, (typeof ROW_COLUMNS)[number]>

export async function findRequest(db: Db, id: string): Promise<RequestRow | undefined> {
  return db.selectFrom('guidanceRequests').select(ROW_COLUMNS).where('id', '=', id).executeTakeFirst()
}

/** The bare row, locked until the transaction ends; undefined when it is gone (the child's data was deleted). */
export async function lockRequest(trx: Transaction<Database>, id: string): Promise<RequestRow | undefined> {
  return trx.selectFrom('guidanceRequests').select(ROW_COLUMNS).where('id', '=', id).forUpdate().executeTakeFirst()
}

export type RequestChanges = Pick<Updateable<GuidanceRequestsTable>, 'status' | 'centreId' | 'scheduledAt' | 'staffName' | 'declineReason'>

/** Call with the row locked (lockRequest). Each change counts up the version, which callers compare with the one they saw. */
export async function updateRequest(trx: Transaction<Database>, id: string, changes: RequestChanges, at: string): Promise<void> {
  await trx
    .updateTable('guidanceRequests')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1), updatedAt: at }))
    .where('id', '=', id)
    .execute()
}

const viewQuery = (db: Db) =>
  db
    .selectFrom('guidanceRequests as g')
    .innerJoin('children as c', 'c.id', 'g.childId')
    .innerJoin('regions as d', 'd.code', 'g.districtCode')
    .leftJoin('healthCentres as h', 'h.id', 'g.centreId')
    .select([
      'g.id',
      'g.service',
      'g.status',
      'g.childId',
      'c.nickname as childNickname',
      'c.birthMonth as childBirthMonth',
      'g.timeWindows',
      'g.districtCode',
      'd.name as districtName',
      'g.address',
      'g.contactPhone',
      'g.note',
      'g.centreId',
      'h.name as centreName',
      'h.phone as centrePhone',
      'g.scheduledAt',
      'g.staffName',
      'g.declineReason',
      'g.createdAt',
      'g.updatedAt',
    ])

/** A request with the child, district and centre it names, as both sides see it. */
export type RequestViewRow = Awaited<ReturnType<ReturnType<typeof viewQuery>['execute']>>[number]

export async function findRequestView(db: Db, id: string): Promise<RequestViewRow | undefined> {
  return viewQuery(db).where('g.id', '=', id).executeTakeFirst()
}

/** The parent's requests, newest first. */
export async function requestViewsOf(db: Db, userId: string): Promise<RequestViewRow[]> {
  return viewQuery(db).where('g.userId', '=', userId).orderBy('g.createdAt', 'desc').orderBy('g.id').execute()
}

/** Requests in the districts, oldest first: the order a centre works through them. */
export async function requestViewsInDistricts(db: Db, districtCodes: string[], status: GuidanceStatus | undefined): Promise<RequestViewRow[]> {
  if (!districtCodes.length) return []
  let query = viewQuery(db).where('g.districtCode', 'in', districtCodes)
  if (status) query = query.where('g.status', '=', status)
  return query.orderBy('g.createdAt').orderBy('g.id').execute()
}

/** The events of the requests, oldest first. */
export async function eventsOf(db: Db, requestIds: string[]) {
  if (!requestIds.length) return []
  return db.selectFrom('guidanceEvents').select(['requestId', 'status', 'note', 'at']).where('requestId', 'in', requestIds).orderBy('id').execute()
}

export type EventRow = Awaited<ReturnType<typeof eventsOf>>[number]

// ---- centres ----

export async function centresByIds(db: Db, ids: string[]) {
  if (!ids.length) return []
  return db.selectFrom('healthCentres').select(['id', 'name', 'districtCode']).where('id', 'in', ids).execute()
}
