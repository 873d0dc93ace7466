import { sql, type Insertable, type Kysely, type Selectable, type Transaction, type Updateable } from 'kysely'
import type { Database, NoticeReportsTable, NoticesTable } from '../../db/schema'
import { VISIBLE } from '../../shared/visible-notices'

type Db = Kysely<Database> | Transaction<Database>

export type NoticeRow = Selectable<NoticesTable>
/** What an author writes. */
export type NoticeFields = Pick<Insertable<NoticesTable>, 'category' | 'title' | 'body' | 'pinned' | 'expiresAt'>

export async function findInstitution(db: Db, id: string) {
  return db.selectFrom('institutions').select(['id', 'name', 'cityCode']).where('id', '=', id).executeTakeFirst()
}

export async function isLinked(db: Db, userId: string, institutionId: string): Promise<boolean> {
  const row = await db
    .selectFrom('institutionLinks')
    .select('userId')
    .where('userId', '=', userId)
    .where('institutionId', '=', institutionId)
    .executeTakeFirst()
  return row !== undefined
}

export async function insertNotice(db: Db, notice: NoticeFields & { institutionId: string; authorUserId: string; authorName: string }): Promise<NoticeRow> {
  const now = new Date().toISOString()
  return db
    .insertInto('notices')
    .values({ ...notice, postedAt: now, updatedAt: now })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function findNotice(db: Db, id: string): Promise<NoticeRow | undefined> {
  return db.selectFrom('notices').selectAll().where('id', '=', id).executeTakeFirst()
}

/** The notice, locked until the transaction ends: concurrent edits bump the version one after the other. */
export async function lockNotice(trx: Transaction<Database>, id: string): Promise<NoticeRow | undefined> {
  return trx.selectFrom('notices').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
}

/** Keeps the current content as a version before it changes. */
export async function saveVersion(db: Db, notice: NoticeRow): Promise<void> {
  await db
    .insertInto('noticeVersions')
    .values({
      noticeId: notice.id,
      version: notice.version,
      category: notice.category,
      title: notice.title,
      body: notice.body,
      pinned: notice.pinned,
      expiresAt: notice.expiresAt,
      savedAt: notice.updatedAt,
    })
    .execute()
}

export type NoticeChanges = Pick<
  Updateable<NoticesTable>,
  'category' | 'title' | 'body' | 'pinned' | 'expiresAt' | 'withdrawnAt' | 'takenDownAt' | 'takenDownBy' | 'takedownReason'
>

/** Applies the changes as the next version. */
export async function updateNotice(db: Db, notice: NoticeRow, changes: NoticeChanges): Promise<NoticeRow> {
  return db
    .updateTable('notices')
    .set({ ...changes, version: notice.version + 1, updatedAt: new Date().toISOString() })
    .where('id', '=', notice.id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** Every version, oldest first, the current one last. */
export async function noticeHistory(db: Db, notice: NoticeRow) {
  const earlier = await db
    .selectFrom('noticeVersions')
    .select(['version', 'category', 'title', 'body', 'pinned', 'expiresAt', 'savedAt'])
    .where('noticeId', '=', notice.id)
    .orderBy('version')
    .execute()
  const { version, category, title, body, pinned, expiresAt, updatedAt } = notice
  return [...earlier, { version, category, title, body, pinned, expiresAt, savedAt: updatedAt }]
}

// ---- what parents see ----

export interface NoticeForReader extends NoticeRow {
  read: boolean
}

const readBy = (userId: string) => sql<boolean>`EXISTS (SELECT 1 FROM notice_reads r WHERE r.notice_id = n.id AND r.user_id = ${userId})`.as('read')

/** Visible notices of the institution, pinned first, then newest, with whether `userId` has opened each. */
export async function listVisibleNotices(db: Db, institutionId: string, userId: string): Promise<NoticeForReader[]> {
  return db
    .selectFrom('notices as n')
    .selectAll('n')
    .select(readBy(userId))
    .where('n.institutionId', '=', institutionId)
    .where(VISIBLE)
    .orderBy('n.pinned', 'desc')
    .orderBy('n.postedAt', 'desc')
    .orderBy('n.id')
    .execute()
}

export async function findVisibleNotice(db: Db, id: string, userId: string): Promise<NoticeForReader | undefined> {
  return db.selectFrom('notices as n').selectAll('n').select(readBy(userId)).where('n.id', '=', id).where(VISIBLE).executeTakeFirst()
}

/** Idempotent: concurrent opens by the same person record one read. */
export async function recordRead(db: Db, noticeId: string, userId: string): Promise<void> {
  await db
    .insertInto('noticeReads')
    .values({ noticeId, userId })
    .onConflict((oc) => oc.doNothing())
    .execute()
}

/** Unread visible notices per institution the user is linked to (institutions with none included, as 0). */
export async function unreadByInstitution(db: Db, userId: string) {
  const result = await sql<{ institutionId: string; name: string; unread: number }>`
    SELECT i.id AS institution_id, i.name,
      (SELECT count(*)::int FROM notices n
        WHERE n.institution_id = i.id AND ${VISIBLE}
          AND NOT EXISTS (SELECT 1 FROM notice_reads r WHERE r.notice_id = n.id AND r.user_id = ${userId})) AS unread
    FROM institution_links l JOIN institutions i ON i.id = l.institution_id
    WHERE l.user_id = ${userId}
    ORDER BY l.linked_at, i.id`.execute(db)
  return result.rows
}

// ---- what the committee sees ----

export interface NoticeForCommittee extends NoticeForReader {
  readCount: number
  linkedParents: number
}

/** Notices with the reads of parents still linked to the institution (someone who unlinked no longer counts). */
const committeeNoticeQuery = (db: Db, userId: string) =>
  db
    .selectFrom('notices as n')
    .selectAll('n')
    .select(readBy(userId))
    .select(
      sql<number>`(SELECT count(*)::int FROM notice_reads r
    JOIN institution_links l ON l.user_id = r.user_id AND l.institution_id = n.institution_id
    WHERE r.notice_id = n.id)`.as('readCount'),
    )
    .select(sql<number>`(SELECT count(*)::int FROM institution_links l WHERE l.institution_id = n.institution_id)`.as('linkedParents'))

/** Every notice of the institution, withdrawn and taken down ones included, newest first. */
export async function listCommitteeNotices(db: Db, institutionId: string, userId: string): Promise<NoticeForCommittee[]> {
  return committeeNoticeQuery(db, userId).where('n.institutionId', '=', institutionId).orderBy('n.postedAt', 'desc').orderBy('n.id').execute()
}

export async function findCommitteeNotice(db: Db, id: string, userId: string): Promise<NoticeForCommittee | undefined> {
  return committeeNoticeQuery(db, userId).where('n.id', '=', id).executeTakeFirst()
}

// ---- reports ----

/** Serialises reports by one person about one notice until the transaction ends. */
export async function lockReportsOf(trx: Transaction<Database>, noticeId: string, reporterUserId: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`notice-report:${noticeId}:${reporterUserId}`}))`.execute(trx)
}

export async function hasReported(db: Db, noticeId: string, reporterUserId: string): Promise<boolean> {
  const row = await db.selectFrom('noticeReports').select('id').where('noticeId', '=', noticeId).where('reporterUserId', '=', reporterUserId).executeTakeFirst()
  return row !== undefined
}

export async function insertReport(db: Db, report: Required<Pick<Insertable<NoticeReportsTable>, 'noticeId' | 'reporterUserId' | 'reason'>>) {
  return db.insertInto('noticeReports').values(report).returning(['id', 'reportedAt']).executeTakeFirstOrThrow()
}

/** Reports about institutions in the given 市州 (null: all), newest first. */
export async function listReports(db: Db, cityCodes: string[] | null) {
  let query = db
    .selectFrom('noticeReports as r')
    .innerJoin('notices as n', 'n.id', 'r.noticeId')
    .innerJoin('institutions as i', 'i.id', 'n.institutionId')
    .select([
      'r.id',
      'r.noticeId',
      'n.title as noticeTitle',
      'i.name as institutionName',
      'r.reason',
      'r.reportedAt',
      'n.withdrawnAt',
      'n.takenDownAt',
      'n.expiresAt',
    ])
    .orderBy('r.reportedAt', 'desc')
    .orderBy('r.id')
  if (cityCodes) {
    if (!cityCodes.length) return []
    query = query.where('i.cityCode', 'in', cityCodes)
  }
  return query.execute()
}
