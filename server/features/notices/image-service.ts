import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { imageStorageKey, type CleanImage } from '../../shared/images/clean-image'
import type { StoredImage } from '../../shared/images/image-routes'
import { ClientError } from '../../shared/http-errors'
import { deleteNoticeImage, findAttachedImage, findUploadedImage, insertNoticeImage, setImageModeration } from './image-repository'

/** Where notice images are kept: the same storage as complaint photos. */
type ImageStorage = FastifyInstance['settings']['complaints']['photoStorage']

const noSuchImage = () => new ClientError(404, '图片不存在 (no such image)')

/**
 * Keeps an uploaded image (not yet part of a notice) and asks WeChat to check it. The image is stored first: WeChat
 * may fetch it before it even answers. If anything fails, nothing of it is kept.
 */
export async function storeNoticeImage(
  db: Kysely<Database>,
  storage: ImageStorage,
  upload: { id: string; userId: string; image: CleanImage },
  requestCheck: (imageId: string) => Promise<void>,
): Promise<void> {
  const { id, image } = upload
  const storageKey = imageStorageKey('notices', id, image.extension)
  await storage.put(storageKey, image.bytes, image.contentType)
  try {
    await insertNoticeImage(db, { id, uploadedBy: upload.userId, storageKey, contentType: image.contentType, bytes: image.bytes.length })
    await requestCheck(id)
  } catch (error) {
    await deleteNoticeImage(db, id).catch(() => {})
    await storage.delete(storageKey).catch(() => {})
    throw error
  }
}

async function stored(storage: ImageStorage, image: { storageKey: string; contentType: string; bytes: number } | undefined): Promise<StoredImage> {
  const body = image ? await storage.get(image.storageKey) : null
  if (!image || !body) throw noSuchImage()
  return { contentType: image.contentType, bytes: image.bytes, body }
}

/** Any uploaded image, attached or not: for WeChat's image check only. */
export async function imageForCheck(db: Kysely<Database>, storage: ImageStorage, id: string): Promise<StoredImage> {
  return stored(storage, await findUploadedImage(db, id))
}

/** An image of a notice that WeChat did not find risky: what readers may see. */
export async function imageForReaders(db: Kysely<Database>, storage: ImageStorage, id: string): Promise<StoredImage> {
  return stored(storage, await findAttachedImage(db, id))
}

/** WeChat's verdict on an image: a risky one disappears for readers at once. */
export async function recordImageVerdict(
  db: Kysely<Database>,
  id: string,
  verdict: { suggest: 'pass' | 'review' | 'risky'; label: number | null },
): Promise<void> {
  await setImageModeration(db, id, verdict)
}
