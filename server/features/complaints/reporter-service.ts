import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { badRequest, conflict } from '../../shared/http-errors'
import { attachPhotos, insertAddition, insertEvent, lockComplaintStatus, rateComplaint, type ComplaintRow } from './repository'
import { STATUS_NAMES } from './transitions'

type Db = Kysely<Database>

/** 补充材料: text and photos while the complaint is open; the row is locked so it cannot be closed in between. */
export async function addToComplaint(db: Db, complaint: ComplaintRow, userId: string | null, addition: { text: string; photoIds?: string[] }): Promise<void> {
  const photoIds = (addition.photoIds ?? []).map((id) => id.toLowerCase())
  await db.transaction().execute(async (trx) => {
    const status = await lockComplaintStatus(trx, complaint.id)
    if (status === 'closed' || status === 'rejected') {
      throw conflict(`投诉已${STATUS_NAMES[status]}，不能再补充材料 (the complaint is ${status})`)
    }
    const additionId = await insertAddition(trx, complaint.id, addition.text)
    if ((await attachPhotos(trx, photoIds, complaint.id, additionId)) < photoIds.length) {
      throw badRequest('photoIds', '有照片不存在或已用于其他投诉，请重新上传 (a photo is unknown or already attached)')
    }
    await insertEvent(trx, { complaintId: complaint.id, type: 'addition', actor: 'reporter', actorUserId: userId })
  })
}

/** 评价: once, after the complaint is closed. */
export async function rateHandling(db: Db, complaint: ComplaintRow, userId: string | null, rating: { score: number; comment?: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (!(await rateComplaint(trx, complaint.id, { score: rating.score, comment: rating.comment ?? null }))) throw notRateable(complaint)
    await insertEvent(trx, { complaintId: complaint.id, type: 'rating', actor: 'reporter', actorUserId: userId, note: `${rating.score}/5` })
  })
}

function notRateable(complaint: ComplaintRow) {
  if (complaint.ratingScore !== null) return conflict('已经评价过了，每件投诉只能评价一次 (already rated)')
  if (complaint.status !== 'closed') return conflict(`投诉办结后才能评价，当前为「${STATUS_NAMES[complaint.status]}」 (only a closed complaint can be rated)`)
  return conflict('已经评价过了，每件投诉只能评价一次 (already rated)')
}
