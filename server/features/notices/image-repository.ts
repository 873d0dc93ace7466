import { sql, type Insertable, type Kysely, type Transaction } from 'kysely'
import type { Database, NoticeImagesTable } from '../../db/schema'

type Db = Kysely<Database> | Transaction<Database>

export async function insertNoticeImage(db: Db, image: Pick<Insertable<NoticeImagesTable>, 'id' | 'uploadedBy' | 'storageKey' | 'contentType' | 'bytes'>) {
  await db.insertInto('noticeImages').values(image).execute()
}

/** Attaches images the user uploaded that belong to no notice yet; returns how many it took. */
export async function attachImages(db: Db, imageIds: string[], noticeId: string, userId: string): Promise<number> {
  if (!imageIds.length) return 0
  const result = await db
    .updateTable('noticeImages')
    .set({ noticeId })
    .where('id', 'in', imageIds)
    .where('uploadedBy', '=', userId)
    .where('noticeId', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** Detaches the notice's images that are not in `keep`; returns the ids still attached. */
export async function detachImagesExcept(db: Db, noticeId: string, keep: string[]): Promise<string[]> {
  let query = db.updateTable('noticeImages').set({ noticeId: null }).where('noticeId', '=', noticeId)
  if (keep.length) query = query.where('id', 'not in', keep)
  await query.execute()
  const rows = await db.selectFrom('noticeImages').select('id').where('noticeId', '=', noticeId).execute()
  return rows.map((r) => r.id)
}

/** The notices' images with WeChat's verdict on each (risky ones are left out for readers by the presenters). */
export async function imagesOf(db: Db, noticeIds: string[]) {
  if (!noticeIds.length) return []
  return db
    .selectFrom('noticeImages')
    .select(['id', 'noticeId', 'moderation', 'moderationLabel'])
    .where('noticeId', 'in', noticeIds)
    .orderBy('uploadedAt')
    .orderBy('id')
    .execute()
}

export type ImageRow = Awaited<ReturnType<typeof imagesOf>>[number]

/** Only an image that belongs to a notice and that WeChat did not find risky is ever served to readers. */
export async function findAttachedImage(db: Db, id: string) {
  return db
    .selectFrom('noticeImages')
    .select(['storageKey', 'contentType', 'bytes'])
    .where('id', '=', id)
    .where('noticeId', 'is not', null)
    .where('moderation', '<>', 'risky')
    .executeTakeFirst()
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
  await db
    .updateTable('noticeImages')
    .set({ moderation: verdict.suggest, moderationLabel: verdict.label, moderatedAt: sql<string>`now()` })
    .where('id', '=', id)
    .execute()
}
