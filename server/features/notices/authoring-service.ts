import type { Kysely } from 'kysely'
import type { NoticeEdit, NoticeHistory, NoticeInput } from '../../../types/notices'
import type { Database } from '../../db/schema'
import { forbidden, regulatesCity, type Actor } from '../../shared/auth'
import { badRequest } from '../../shared/http-errors'
import { isCommitteeOf, notTheAuthor } from './access'
import { memberDisplayName } from './committee-repository'
import { attachImages, detachImagesExcept } from './image-repository'
import { assertStillUp, changeNotice, noSuchNotice } from './notice-change-service'
import { findInstitution, findNotice, insertNotice, noticeHistory, type NoticeRow } from './notice-repository'
import { assertEditedExpiry, assertFutureExpiry, assertPlainText, type TextCheck } from './text-rules'

const imagesNotYours = () => badRequest('imageIds', '图片不存在、不是您上传的或已用于其他公告 (an image is unknown, not uploaded by you, or already used)')

/** The author, still on the committee of the notice's institution. */
const assertAuthor = (author: Actor) => (notice: NoticeRow) => {
  if (notice.authorUserId !== author.userId || !isCommitteeOf(author.grants, notice.institutionId)) throw notTheAuthor()
  assertStillUp(notice)
}

/** Posts a notice of the institution (its committee membership checked by the caller) with its images; returns its id. */
export async function postNotice(db: Kysely<Database>, institutionId: string, userId: string, input: NoticeInput, checkTexts: TextCheck): Promise<string> {
  assertPlainText({ title: input.title, body: input.body })
  assertFutureExpiry(input.expiresAt)
  await checkTexts({ title: input.title, body: input.body })
  return db.transaction().execute(async (trx) => {
    const authorName = await memberDisplayName(trx, userId, institutionId)
    const notice = await insertNotice(trx, {
      institutionId,
      authorUserId: userId,
      authorName,
      category: input.category,
      title: input.title,
      body: input.body,
      pinned: input.pinned,
      expiresAt: input.expiresAt ?? null,
    })
    // Throwing rolls the notice back with the images.
    if ((await attachImages(trx, input.imageIds, notice.id, userId)) !== input.imageIds.length) throw imagesNotYours()
    return notice.id
  })
}

/** The author replaces every field (imageIds replace the images); the current version is kept first. */
export async function editNotice(db: Kysely<Database>, id: string, author: Actor, edit: NoticeEdit, checkTexts: TextCheck): Promise<void> {
  assertPlainText({ title: edit.title, body: edit.body })
  // Who may edit is settled before WeChat is asked (and again under the lock): no WeChat call inside the transaction.
  const current = await findNotice(db, id)
  if (!current) throw noSuchNotice()
  assertAuthor(author)(current)
  assertEditedExpiry(edit.expiresAt, current.expiresAt)
  // Only changed texts are checked again: an edit that pins a notice does not ask WeChat about its unchanged body.
  await checkTexts({ title: edit.title !== current.title ? edit.title : null, body: edit.body !== current.body ? edit.body : null })
  await changeNotice(db, id, assertAuthor(author), async (trx, notice) => {
    const kept = await detachImagesExcept(trx, notice.id, edit.imageIds)
    const added = edit.imageIds.filter((imageId) => !kept.includes(imageId))
    if ((await attachImages(trx, added, notice.id, author.userId)) !== added.length) throw imagesNotYours()
    return { title: edit.title, body: edit.body, category: edit.category, pinned: edit.pinned, expiresAt: edit.expiresAt }
  })
}

/** Parents no longer see it; it and its history are kept. */
export async function withdrawNotice(db: Kysely<Database>, id: string, author: Actor): Promise<void> {
  await changeNotice(db, id, assertAuthor(author), async () => ({ withdrawnAt: new Date().toISOString() }))
}

/** Every version, oldest first: for the author, the institution's committee or its 市州's regulators. */
export async function historyOf(db: Kysely<Database>, id: string, asker: Actor): Promise<NoticeHistory> {
  const notice = await findNotice(db, id)
  if (!notice) throw noSuchNotice()
  const institution = (await findInstitution(db, notice.institutionId))!
  const allowed = notice.authorUserId === asker.userId || isCommitteeOf(asker.grants, notice.institutionId) || regulatesCity(asker.grants, institution.cityCode)
  if (!allowed) throw forbidden('只有发布者、该机构家委会或所在市州的监管人员可以查看历史 (not allowed to see this history)')
  return { items: await noticeHistory(db, notice) }
}
