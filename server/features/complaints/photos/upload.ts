import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import type { UploadedPhoto } from '../../../../types/complaints'
import { cleanUploadedImage, imageStorageKey } from '../../../shared/images/clean-image'
import { insertPhoto } from './repository'

export const DEFAULT_PHOTO_MAX_BYTES = 8 * 1024 * 1024

/** Checks the bytes are an image we accept, strips its metadata, stores it and records it as not yet attached. */
export async function storeUploadedPhoto(app: FastifyInstance, upload: Buffer): Promise<UploadedPhoto> {
  const image = await cleanUploadedImage(upload, 'photo')
  const id = randomUUID()
  const storageKey = imageStorageKey('complaints', id, image.extension)
  const storage = app.settings.complaints.photoStorage
  await storage.put(storageKey, image.bytes, image.contentType)
  try {
    await insertPhoto(app.database.db, { id, storageKey, contentType: image.contentType, bytes: image.bytes.length })
  } catch (error) {
    await storage.delete(storageKey).catch(() => {})
    throw error
  }
  return { photoId: id, bytes: image.bytes.length, contentType: image.contentType }
}
