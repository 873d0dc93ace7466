import type { Kysely } from 'kysely'
import type { Notice, NoticeList, ReportReceipt, UnreadCount } from '../../../types/notices'
import type { Database } from '../../db/schema'
import { conflict } from '../../shared/http-errors'
import type { Actor } from '../../shared/auth'
import { imagesOf } from './image-repository'
import { noSuchNotice } from './notice-change-service'
import {
  findVisibleNotice,
  hasReported,
  insertReport,
  listVisibleNotices,
  lockReportsOf,
  recordRead,
  unreadByInstitution,
  type NoticeForReader,
} from './notice-repository'
import { presentNotice } from './present'
import { canRead, noNoticesHere } from './reader-access'
import { assertPlainText } from './text-rules'

/** The visible notice, if the reader may read its institution's notices; 404 otherwise. */
async function readableNotice(db: Kysely<Database>, reader: Actor, id: string): Promise<NoticeForReader> {
  const notice = await findVisibleNotice(db, id, reader.userId)
  if (!notice || !(await canRead(db, reader, notice.institutionId))) throw noSuchNotice()
  return notice
}

/** The institution's visible notices, pinned first, then newest, with how many the reader has not opened. */
export async function noticesOf(db: Kysely<Database>, institutionId: string, reader: Actor, jwtSecret: string): Promise<NoticeList> {
  if (!(await canRead(db, reader, institutionId))) throw noNoticesHere()
  const rows = await listVisibleNotices(db, institutionId, reader.userId)
  const images = await imagesOf(
    db,
    rows.map((r) => r.id),
  )
  return { items: rows.map((r) => presentNotice(r, images, jwtSecret)), unread: rows.filter((r) => !r.read).length }
}

/** One notice; opening it marks it read. */
export async function openNotice(db: Kysely<Database>, id: string, reader: Actor, jwtSecret: string): Promise<Notice> {
  const notice = await readableNotice(db, reader, id)
  await recordRead(db, notice.id, reader.userId)
  return presentNotice({ ...notice, read: true }, await imagesOf(db, [notice.id]), jwtSecret)
}

export async function unreadCounts(db: Kysely<Database>, userId: string): Promise<UnreadCount> {
  const byInstitution = await unreadByInstitution(db, userId)
  return { unread: byInstitution.reduce((sum, i) => sum + i.unread, 0), byInstitution }
}

/** One report per person per notice: reports by the same person about the same notice are taken one at a time. */
export async function reportNotice(db: Kysely<Database>, id: string, reader: Actor, reason: string): Promise<{ noticeId: string; receipt: ReportReceipt }> {
  assertPlainText({ reason })
  const notice = await readableNotice(db, reader, id)
  const report = await db.transaction().execute(async (trx) => {
    await lockReportsOf(trx, notice.id, reader.userId)
    if (await hasReported(trx, notice.id, reader.userId)) return null
    return insertReport(trx, { noticeId: notice.id, reporterUserId: reader.userId, reason })
  })
  if (!report) throw conflict('您已举报过该公告 (you have already reported this notice)')
  return { noticeId: notice.id, receipt: report }
}
