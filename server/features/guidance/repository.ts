import { sql, type Kysely, type Transaction } from 'kysely'
import type { GuidanceRequest } from '../../../types/guidance'
import type { Database } from '../../db/schema'
import { presentRequests } from './present'

type Db = Kysely<Database> | Transaction<Database>

// ---- the parent, the child and consent ----

/** Only the parent's own child matches: another family's child id behaves as unknown. */
export async function findChildOf(db: Db, userId: string, childId: string) {
  return db.selectFrom('children').select(['id', 'nickname', 'birthMonth'])
    .where('id', '=', childId).where('userId', '=', userId).executeTakeFirst()
}

/** The latest child-data consent row and the current policy version (the accounts feature's rule decides on them). */
export async function childDataConsent(db: Db, userId: string) {
  const [latest, policy] = await Promise.all([
    db.selectFrom('consents').select(['action', 'policyVersion'])
      .where('userId', '=', userId).where('kind', '=', 'child_data')
      .orderBy('at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst(),
    db.selectFrom('privacyPolicies').select('version')
      .orderBy('publishedAt', 'desc').orderBy('version', 'desc').limit(1).executeTakeFirst(),
  ])
  return { latest, currentVersion: policy?.version }
}

/** Holds the parent's row until the transaction ends, so two requests filed at once count each other. */
export async function lockParent(trx: Transaction<Database>, userId: string): Promise<void> {
  await trx.selectFrom('users').select('id').where('id', '=', userId).forUpdate().executeTakeFirstOrThrow()
}

export async function countOpenRequests(db: Db, userId: string, openStatuses: string[]): Promise<number> {
  const row = await db.selectFrom('guidanceRequests').select(sql<number>`count(*)::int`.as('n'))
    .where('userId', '=', userId).where('status', 'in', openStatuses).executeTakeFirstOrThrow()
  return row.n
}

// ---- requests and their events ----

export interface NewRequest {
  userId: string
  childId: string
  service: string
  timeWindows: Array<{ date: string; period: string }>
  districtCode: string
  address: string
  contactPhone: string
  note: string
}

export async function insertRequest(trx: Db, request: NewRequest, at: string): Promise<string> {
  const row = await trx.insertInto('guidanceRequests')
    .values({ ...request, timeWindows: JSON.stringify(request.timeWindows), createdAt: at, updatedAt: at })
    .returning('id').executeTakeFirstOrThrow()
  return row.id
}

export async function insertEvent(trx: Db, event: { requestId: string; status: string; note: string | null; actor: 'parent' | 'centre'; actorUserId: string; at: string }) {
  await trx.insertInto('guidanceEvents').values(event).execute()
}

/** The bare row: who it belongs to, where it is, its status and version. */
export async function findRequest(db: Db, id: string) {
  return db.selectFrom('guidanceRequests')
    .select(['id', 'userId', 'status', 'districtCode', 'centreId', 'version'])
    .where('id', '=', id).executeTakeFirst()
}

export type RequestRow = NonNullable<Awaited<ReturnType<typeof findRequest>>>

export interface RequestChanges {
  status: string
  centreId?: string
  scheduledAt?: string | null
  staffName?: string | null
  declineReason?: string | null
}

/**
 * Applies the change only if the request is still at the version it was decided on and in a status the action
 * allows: of two changes decided on the same version (two staff at once, or a parent cancelling while a centre
 * schedules) exactly one applies. Undefined when it did not.
 */
export async function applyChange(trx: Db, row: RequestRow, allowedFrom: string[], changes: RequestChanges, at: string) {
  return trx.updateTable('guidanceRequests')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1), updatedAt: at }))
    .where('id', '=', row.id).where('version', '=', row.version).where('status', 'in', allowedFrom)
    .returning('id').executeTakeFirst()
}

const viewQuery = (db: Db) => db.selectFrom('guidanceRequests as g')
  .innerJoin('children as c', 'c.id', 'g.childId')
  .innerJoin('regions as d', 'd.code', 'g.districtCode')
  .leftJoin('healthCentres as h', 'h.id', 'g.centreId')
  .select([
    'g.id', 'g.service', 'g.status', 'g.childId', 'c.nickname as childNickname', 'c.birthMonth as childBirthMonth',
    'g.timeWindows', 'g.districtCode', 'd.name as districtName', 'g.address', 'g.contactPhone', 'g.note',
    'g.centreId', 'h.name as centreName', 'h.phone as centrePhone', 'g.scheduledAt', 'g.staffName', 'g.declineReason',
    'g.createdAt', 'g.updatedAt',
  ])

export type RequestView = Awaited<ReturnType<ReturnType<typeof viewQuery>['execute']>>[number]

export async function eventsOf(db: Db, requestIds: string[]) {
  if (!requestIds.length) return []
  return db.selectFrom('guidanceEvents').select(['requestId', 'status', 'note', 'at'])
    .where('requestId', 'in', requestIds).orderBy('id').execute()
}

export type EventRow = Awaited<ReturnType<typeof eventsOf>>[number]

async function withHistory(db: Db, rows: RequestView[]): Promise<GuidanceRequest[]> {
  return presentRequests(rows, await eventsOf(db, rows.map((r) => r.id)))
}

export async function requestView(db: Db, id: string): Promise<GuidanceRequest | undefined> {
  const row = await viewQuery(db).where('g.id', '=', id).executeTakeFirst()
  return row && (await withHistory(db, [row]))[0]
}

/** The parent's requests, newest first. */
export async function requestsOf(db: Db, userId: string): Promise<GuidanceRequest[]> {
  return withHistory(db, await viewQuery(db).where('g.userId', '=', userId).orderBy('g.createdAt', 'desc').orderBy('g.id').execute())
}

/** For GET /me/export: every guidance request of the parent, with its history. */
export const guidanceRequestsForExport = (db: Db, userId: string): Promise<GuidanceRequest[]> => requestsOf(db, userId)

/** Requests in the districts, oldest first: the order a centre works through them. */
export async function requestsInDistricts(db: Db, districtCodes: string[], status: string | undefined): Promise<GuidanceRequest[]> {
  if (!districtCodes.length) return []
  let query = viewQuery(db).where('g.districtCode', 'in', districtCodes)
  if (status) query = query.where('g.status', '=', status)
  return withHistory(db, await query.orderBy('g.createdAt').orderBy('g.id').execute())
}

// ---- centres ----

export async function centresByIds(db: Db, ids: string[]) {
  if (!ids.length) return []
  return db.selectFrom('healthCentres').select(['id', 'name', 'districtCode']).where('id', 'in', ids).execute()
}
