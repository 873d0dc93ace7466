import { sql, type Insertable, type Kysely, type Selectable, type Transaction, type Updateable } from 'kysely'
import type { AdminComplaintQuery, ComplaintStatus, Department } from '../../../types/complaints'
import type { Sanction } from '../../../types/institutions'
import type { ComplaintEventsTable, ComplaintsTable, Database } from '../../db/schema'
import { ANSWERED_STATUSES } from './deadlines'

type Db = Kysely<Database> | Transaction<Database>

export type ComplaintRow = Selectable<ComplaintsTable>

// ---- filing ----

export async function findRoutingInstitution(db: Db, institutionId: string) {
  return db.selectFrom('institutions').select(['id', 'name', 'kind', 'profit', 'cityCode']).where('id', '=', institutionId).executeTakeFirst()
}

/**
 * Inserts unless the idempotency key or the tracking number is taken; null then. It waits for a concurrent filing with
 * the same key to commit, so the caller can tell the two apart with findComplaintByIdempotencyKey.
 */
export async function insertComplaintUnlessTaken(trx: Db, complaint: Insertable<ComplaintsTable>): Promise<string | null> {
  const row = await trx
    .insertInto('complaints')
    .values(complaint)
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst()
  return row?.id ?? null
}

export async function findComplaintByIdempotencyKey(db: Db, idempotencyKey: string): Promise<ComplaintRow | undefined> {
  return db.selectFrom('complaints').selectAll().where('idempotencyKey', '=', idempotencyKey).executeTakeFirst()
}

/** Attaches uploaded photos that belong to no complaint yet; returns how many it took. */
export async function attachPhotos(trx: Db, photoIds: string[], complaintId: string, additionId: number | null): Promise<number> {
  if (!photoIds.length) return 0
  const result = await trx
    .updateTable('complaintPhotos')
    .set({ complaintId, additionId })
    .where('id', 'in', photoIds)
    .where('complaintId', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

// ---- reading ----

export async function findComplaintByTrackingNumber(db: Db, trackingNumber: string): Promise<ComplaintRow | undefined> {
  return db.selectFrom('complaints').selectAll().where('trackingNumber', '=', trackingNumber).executeTakeFirst()
}

/** The photos filed with the complaint itself (not with an addition). */
export async function filingPhotoIds(db: Db, complaintId: string): Promise<string[]> {
  const rows = await db.selectFrom('complaintPhotos').select('id').where('complaintId', '=', complaintId).where('additionId', 'is', null).execute()
  return rows.map((row) => row.id)
}

/** Everything a complaint view shows besides the complaint row itself. */
export async function complaintDetails(db: Db, complaint: ComplaintRow) {
  const [institution, photos, additions, events] = await Promise.all([
    complaint.institutionId
      ? db.selectFrom('institutions').select(['id', 'name']).where('id', '=', complaint.institutionId).executeTakeFirst()
      : Promise.resolve(undefined),
    db.selectFrom('complaintPhotos').select(['id', 'additionId']).where('complaintId', '=', complaint.id).orderBy('uploadedAt').orderBy('id').execute(),
    db.selectFrom('complaintAdditions').select(['id', 'text', 'at']).where('complaintId', '=', complaint.id).orderBy('id').execute(),
    // Never actor_user_id: who inside the regulator acted is not part of any view.
    db.selectFrom('complaintEvents').select(['type', 'actor', 'department', 'note', 'at']).where('complaintId', '=', complaint.id).orderBy('id').execute(),
  ])
  return { institution: institution ?? null, photos, additions, events }
}

export type ComplaintDetails = Awaited<ReturnType<typeof complaintDetails>>

export interface ComplaintFilter {
  /** null: every 市州 (a provincial regulator). */
  cities: string[] | null
  reporterUserId?: string
  query: AdminComplaintQuery
  /** China date the overdue filter is computed for. */
  today: string
}

const overdueSql = (today: string) => sql<boolean>`(
  (c.status = 'submitted' AND ${today}::date > c.accept_by)
  OR (c.status NOT IN (${sql.join(ANSWERED_STATUSES)}) AND ${today}::date > c.reply_by))`

function filteredComplaints(db: Db, filter: ComplaintFilter) {
  const { query } = filter
  let q = db.selectFrom('complaints as c')
  if (filter.cities) q = filter.cities.length ? q.where('c.cityCode', 'in', filter.cities) : q.where(sql<boolean>`false`)
  if (filter.reporterUserId) q = q.where('c.reporterUserId', '=', filter.reporterUserId)
  if (query.status) q = q.where('c.status', '=', query.status)
  if (query.category) q = q.where('c.category', '=', query.category)
  if (query.urgent !== undefined) q = q.where('c.urgent', '=', query.urgent)
  if (query.cityCode) q = q.where('c.cityCode', '=', query.cityCode)
  if (query.overdue !== undefined) q = q.where(query.overdue ? overdueSql(filter.today) : sql<boolean>`NOT ${overdueSql(filter.today)}`)
  return q
}

export async function listComplaints(db: Db, filter: ComplaintFilter, order: 'urgent_then_oldest' | 'newest') {
  const page = filter.query.page ?? 1
  const pageSize = filter.query.pageSize ?? 20
  let q = filteredComplaints(db, filter)
    .leftJoin('institutions as i', 'i.id', 'c.institutionId')
    .select([
      'c.trackingNumber',
      'c.category',
      'c.status',
      'c.urgent',
      'c.cityCode',
      'c.filedAt',
      'c.acceptBy',
      'c.replyBy',
      sql<string>`coalesce(i.name, c.provider_name)`.as('subject'),
    ])
  q = order === 'newest' ? q.orderBy('c.filedAt', 'desc') : q.orderBy('c.urgent', 'desc').orderBy('c.filedAt', 'asc')
  const [rows, count] = await Promise.all([
    q
      .orderBy('c.trackingNumber')
      .limit(pageSize + 1)
      .offset((page - 1) * pageSize)
      .execute(),
    filteredComplaints(db, filter)
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow(),
  ])
  return { rows: rows.slice(0, pageSize), total: count.n, page, pageSize, hasMore: rows.length > pageSize }
}

// ---- changes ----

export async function insertEvent(db: Db, event: Insertable<ComplaintEventsTable>): Promise<void> {
  await db.insertInto('complaintEvents').values(event).execute()
}

/** What a regulator's step changes besides the status. */
export type StatusChange = Pick<Updateable<ComplaintsTable>, 'reply' | 'rejectionReason' | 'outcome'> & {
  sanction?: Sanction
  /** Added to the complaint's departments unless it is one already. */
  department?: Department
}

/** Call with the complaint row locked (lockComplaintStatus): the status was checked against it. */
export async function changeStatus(db: Db, complaintId: string, to: ComplaintStatus, change: StatusChange = {}): Promise<void> {
  const { sanction, department, ...columns } = change
  await db
    .updateTable('complaints')
    .set({
      status: to,
      ...columns,
      ...(sanction ? { sanction: JSON.stringify(sanction) } : {}),
      ...(department
        ? {
            departments: sql<Department[]>`CASE WHEN ${department} = ANY(departments) THEN departments ELSE array_append(departments, ${department}::text) END`,
          }
        : {}),
    })
    .where('id', '=', complaintId)
    .execute()
}

/** Locks the complaint row until the transaction ends, so its status cannot change in between; undefined if there is none. */
export async function lockComplaintStatus(trx: Db, complaintId: string): Promise<ComplaintStatus | undefined> {
  const row = await trx.selectFrom('complaints').select('status').where('id', '=', complaintId).forUpdate().executeTakeFirst()
  return row?.status
}

export async function insertAddition(trx: Db, complaintId: string, text: string): Promise<number> {
  const row = await trx.insertInto('complaintAdditions').values({ complaintId, text }).returning('id').executeTakeFirstOrThrow()
  return row.id
}

/** Only a closed complaint not yet rated takes a rating. */
export async function rateComplaint(db: Db, complaintId: string, rating: { score: number; comment: string | null }): Promise<boolean> {
  const result = await db
    .updateTable('complaints')
    .set({ ratingScore: rating.score, ratingComment: rating.comment, ratedAt: sql<string>`now()` })
    .where('id', '=', complaintId)
    .where('status', '=', 'closed')
    .where('ratingScore', 'is', null)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

export async function markSanctionPublished(db: Db, complaintId: string): Promise<boolean> {
  const result = await db
    .updateTable('complaints')
    .set({ sanctionPublishedAt: sql<string>`now()` })
    .where('id', '=', complaintId)
    .where('status', '=', 'closed')
    .where('sanction', 'is not', null)
    .where('sanctionPublishedAt', 'is', null)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** The institution's public record gets the decision only: nothing about who complained. False when an identical key exists. */
export async function insertSanction(db: Db, institutionId: string, sanction: Sanction): Promise<boolean> {
  const row = await db
    .insertInto('sanctions')
    .values({
      institutionId,
      kind: sanction.kind,
      measure: sanction.measure,
      reason: sanction.reason,
      department: sanction.department,
      decidedOn: sanction.decidedOn,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('institutionId')
    .executeTakeFirst()
  return row !== undefined
}
