import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely'
import type { Database } from '../../db/schema'

type Db = Kysely<Database> | Transaction<Database>

/** Parents see a notice while it is neither withdrawn, taken down nor expired (`n` is the notices alias). */
const VISIBLE = sql<SqlBool>`n.withdrawn_at IS NULL AND n.taken_down_at IS NULL AND (n.expires_at IS NULL OR n.expires_at > now())`

export const DEFAULT_AUTHOR_NAME = '家委会成员'

// ---- institutions and membership ----

export async function findInstitution(db: Db, id: string) {
  return db.selectFrom('institutions').select(['id', 'name', 'cityCode']).where('id', '=', id).executeTakeFirst()
}

export async function isLinked(db: Db, userId: string, institutionId: string): Promise<boolean> {
  const row = await db.selectFrom('institutionLinks').select('userId')
    .where('userId', '=', userId).where('institutionId', '=', institutionId).executeTakeFirst()
  return row !== undefined
}

export async function memberDisplayName(db: Db, userId: string, institutionId: string): Promise<string> {
  const row = await db.selectFrom('committeeMemberNames').select('displayName')
    .where('userId', '=', userId).where('institutionId', '=', institutionId).executeTakeFirst()
  return row?.displayName ?? DEFAULT_AUTHOR_NAME
}

// ---- notices ----

export interface NoticeFields {
  category: string
  title: string
  body: string
  pinned: boolean
  expiresAt: string | null
}

export async function insertNotice(trx: Db, notice: NoticeFields & { institutionId: string; authorUserId: string; authorName: string }) {
  const now = new Date().toISOString()
  return trx.insertInto('notices').values({ ...notice, postedAt: now, updatedAt: now }).returningAll().executeTakeFirstOrThrow()
}

export async function findNotice(db: Db, id: string) {
  return db.selectFrom('notices').selectAll().where('id', '=', id).executeTakeFirst()
}

export type NoticeRow = NonNullable<Awaited<ReturnType<typeof findNotice>>>

/** The notice, locked until the transaction ends: concurrent edits bump the version one after the other. */
export async function lockNotice(trx: Transaction<Database>, id: string) {
  return trx.selectFrom('notices').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
}

/** Keeps the current content as a version before it changes. */
export async function saveVersion(trx: Db, notice: NoticeRow): Promise<void> {
  await trx.insertInto('noticeVersions').values({
    noticeId: notice.id, version: notice.version, category: notice.category, title: notice.title, body: notice.body,
    pinned: notice.pinned, expiresAt: notice.expiresAt, savedAt: notice.updatedAt,
  }).execute()
}

type NoticeChanges = Partial<NoticeFields> & { withdrawnAt?: string; takenDownAt?: string; takenDownBy?: string; takedownReason?: string }

/** Applies the changes as the next version. */
export async function updateNotice(trx: Db, notice: NoticeRow, changes: NoticeChanges): Promise<NoticeRow> {
  return trx.updateTable('notices')
    .set({ ...changes, version: notice.version + 1, updatedAt: new Date().toISOString() })
    .where('id', '=', notice.id)
    .returningAll().executeTakeFirstOrThrow()
}

/** Every version, oldest first, the current one last. */
export async function noticeHistory(db: Db, notice: NoticeRow) {
  const earlier = await db.selectFrom('noticeVersions')
    .select(['version', 'category', 'title', 'body', 'pinned', 'expiresAt', 'savedAt'])
    .where('noticeId', '=', notice.id).orderBy('version').execute()
  const { version, category, title, body, pinned, expiresAt, updatedAt } = notice
  return [...earlier, { version, category, title, body, pinned, expiresAt, savedAt: updatedAt }]
}

// ---- what parents see ----

export interface NoticeForReader extends NoticeRow { read: boolean }

const readBy = (userId: string) =>
  sql<boolean>`EXISTS (SELECT 1 FROM notice_reads r WHERE r.notice_id = n.id AND r.user_id = ${userId})`.as('read')

/** Visible notices of the institution, pinned first, then newest, with whether `userId` has opened each. */
export async function listVisibleNotices(db: Db, institutionId: string, userId: string): Promise<NoticeForReader[]> {
  return db.selectFrom('notices as n').selectAll('n').select(readBy(userId))
    .where('n.institutionId', '=', institutionId).where(VISIBLE)
    .orderBy('n.pinned', 'desc').orderBy('n.postedAt', 'desc').orderBy('n.id')
    .execute()
}

export async function findVisibleNotice(db: Db, id: string, userId: string): Promise<NoticeForReader | undefined> {
  return db.selectFrom('notices as n').selectAll('n').select(readBy(userId))
    .where('n.id', '=', id).where(VISIBLE).executeTakeFirst()
}

/** Idempotent: concurrent opens by the same person record one read. */
export async function recordRead(db: Db, noticeId: string, userId: string): Promise<void> {
  await db.insertInto('noticeReads').values({ noticeId, userId }).onConflict((oc) => oc.doNothing()).execute()
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

export interface NoticeForCommittee extends NoticeForReader { readCount: number; linkedParents: number }

/** Notices with the reads of parents still linked to the institution (someone who unlinked no longer counts). */
const committeeNoticeQuery = (db: Db, userId: string) => db.selectFrom('notices as n').selectAll('n').select(readBy(userId))
  .select(sql<number>`(SELECT count(*)::int FROM notice_reads r
    JOIN institution_links l ON l.user_id = r.user_id AND l.institution_id = n.institution_id
    WHERE r.notice_id = n.id)`.as('readCount'))
  .select(sql<number>`(SELECT count(*)::int FROM institution_links l WHERE l.institution_id = n.institution_id)`.as('linkedParents'))

/** Every notice of the institution, withdrawn and taken down ones included, newest first. */
export async function listCommitteeNotices(db: Db, institutionId: string, userId: string): Promise<NoticeForCommittee[]> {
  return committeeNoticeQuery(db, userId).where('n.institutionId', '=', institutionId)
    .orderBy('n.postedAt', 'desc').orderBy('n.id').execute()
}

export async function findCommitteeNotice(db: Db, id: string, userId: string): Promise<NoticeForCommittee | undefined> {
  return committeeNoticeQuery(db, userId).where('n.id', '=', id).executeTakeFirst()
}

// ---- images ----

export async function insertNoticeImage(db: Db, image: { id: string; uploadedBy: string; storageKey: string; contentType: string; bytes: number }) {
  await db.insertInto('noticeImages').values(image).execute()
}

/** Attaches images the user uploaded that belong to no notice yet; returns how many it took. */
export async function attachImages(trx: Db, imageIds: string[], noticeId: string, userId: string): Promise<number> {
  if (!imageIds.length) return 0
  const result = await trx.updateTable('noticeImages').set({ noticeId })
    .where('id', 'in', imageIds).where('uploadedBy', '=', userId).where('noticeId', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** Detaches the notice's images that are not in `keep`; returns the ids still attached. */
export async function detachImagesExcept(trx: Db, noticeId: string, keep: string[]): Promise<string[]> {
  let query = trx.updateTable('noticeImages').set({ noticeId: null }).where('noticeId', '=', noticeId)
  if (keep.length) query = query.where('id', 'not in', keep)
  await query.execute()
  const rows = await trx.selectFrom('noticeImages').select('id').where('noticeId', '=', noticeId).execute()
  return rows.map((r) => r.id)
}

/** The notices' images with WeChat's verdict on each (risky ones are left out for readers by the presenters). */
export async function imagesOf(db: Db, noticeIds: string[]) {
  if (!noticeIds.length) return []
  return db.selectFrom('noticeImages').select(['id', 'noticeId', 'moderation', 'moderationLabel'])
    .where('noticeId', 'in', noticeIds).orderBy('uploadedAt').orderBy('id').execute()
}

/** Only an image that belongs to a notice and that WeChat did not find risky is ever served to readers. */
export async function findAttachedImage(db: Db, id: string) {
  return db.selectFrom('noticeImages').select(['storageKey', 'contentType', 'bytes'])
    .where('id', '=', id).where('noticeId', 'is not', null).where('moderation', '<>', 'risky').executeTakeFirst()
}

/** Any uploaded image, attached or not: for WeChat's image check only. */
export async function findUploadedImage(db: Db, id: string) {
  return db.selectFrom('noticeImages').select(['storageKey', 'contentType', 'bytes']).where('id', '=', id).executeTakeFirst()
}

export async function deleteNoticeImage(db: Db, id: string): Promise<void> {
  await db.deleteFrom('noticeImages').where('id', '=', id).execute()
}

/** WeChat's verdict on an image; idempotent (a repeated push sets the same). */
export async function setImageModeration(db: Db, id: string, verdict: { suggest: 'pass' | 'review' | 'risky'; label: number | null }): Promise<void> {
  await db.updateTable('noticeImages')
    .set({ moderation: verdict.suggest, moderationLabel: verdict.label, moderatedAt: sql<string>`now()` })
    .where('id', '=', id).execute()
}

// ---- reports and takedowns ----

/** One report per person per notice: serialised per (notice, reporter) with a transaction lock. Null when already reported. */
export async function insertReportOnce(db: Kysely<Database>, report: { noticeId: string; reporterUserId: string; reason: string }) {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`notice-report:${report.noticeId}:${report.reporterUserId}`}))`.execute(trx)
    const existing = await trx.selectFrom('noticeReports').select('id')
      .where('noticeId', '=', report.noticeId).where('reporterUserId', '=', report.reporterUserId).executeTakeFirst()
    if (existing) return null
    return trx.insertInto('noticeReports').values(report).returning(['id', 'reportedAt']).executeTakeFirstOrThrow()
  })
}

/** Reports about institutions in the given 市州 (null: all), newest first. */
export async function listReports(db: Db, cityCodes: string[] | null) {
  let query = db.selectFrom('noticeReports as r')
    .innerJoin('notices as n', 'n.id', 'r.noticeId')
    .innerJoin('institutions as i', 'i.id', 'n.institutionId')
    .select(['r.id', 'r.noticeId', 'n.title as noticeTitle', 'i.name as institutionName', 'r.reason', 'r.reportedAt',
      'n.withdrawnAt', 'n.takenDownAt', 'n.expiresAt'])
    .orderBy('r.reportedAt', 'desc').orderBy('r.id')
  if (cityCodes) {
    if (!cityCodes.length) return []
    query = query.where('i.cityCode', 'in', cityCodes)
  }
  return query.execute()
}

// ---- the committee page ----

export async function committeeMembers(db: Db, institutionId: string) {
  const result = await sql<{ displayName: string; since: string }>`
    SELECT coalesce(m.display_name, ${DEFAULT_AUTHOR_NAME}) AS display_name, min(g.granted_at) AS since
    FROM role_grants g
    LEFT JOIN committee_member_names m ON m.user_id = g.user_id AND m.institution_id = g.institution_id
    WHERE g.institution_id = ${institutionId} AND g.role = 'committee' AND g.revoked_at IS NULL
    GROUP BY g.user_id, m.display_name
    ORDER BY since, display_name`.execute(db)
  return result.rows
}

export async function committeeContact(db: Db, institutionId: string): Promise<string | null> {
  const row = await db.selectFrom('committeeProfiles').select('contact').where('institutionId', '=', institutionId).executeTakeFirst()
  return row?.contact ?? null
}

export async function lastPostedAt(db: Db, institutionId: string): Promise<string | null> {
  const row = await db.selectFrom('notices as n').select((eb) => eb.fn.max('n.postedAt').as('last'))
    .where('n.institutionId', '=', institutionId).where(VISIBLE).executeTakeFirst()
  return (row?.last as string | null | undefined) ?? null
}

export async function committeeMeetings(db: Db, institutionId: string) {
  return db.selectFrom('committeeMeetings').select(['id', 'heldOn', 'title', 'minutes'])
    .where('institutionId', '=', institutionId)
    .orderBy('heldOn', 'desc').orderBy('createdAt', 'desc').execute()
}

export async function saveDisplayName(db: Db, userId: string, institutionId: string, displayName: string): Promise<void> {
  await db.insertInto('committeeMemberNames').values({ userId, institutionId, displayName })
    .onConflict((oc) => oc.columns(['userId', 'institutionId']).doUpdateSet({ displayName })).execute()
}

export async function saveContact(db: Db, institutionId: string, contact: string | null): Promise<void> {
  const updatedAt = new Date().toISOString()
  await db.insertInto('committeeProfiles').values({ institutionId, contact, updatedAt })
    .onConflict((oc) => oc.column('institutionId').doUpdateSet({ contact, updatedAt })).execute()
}

export async function insertMeeting(db: Db, meeting: { institutionId: string; heldOn: string; title: string; minutes: string; createdBy: string }) {
  return db.insertInto('committeeMeetings').values(meeting).returning(['id', 'heldOn', 'title', 'minutes']).executeTakeFirstOrThrow()
}
