import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import type { UploadedPhoto } from '../../../../types/complaints'
import { cleanUploadedImage, imageStorageKey } from '../../../shared/images/clean-image'
import type { StoredImage } from '../../../shared/images/image-routes'
import { findAttachedPhoto, insertPhoto } from './repository'

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

/** A photo some complaint or addition holds, with its bytes; null for any other (an orphan is never served). */
export async function openAttachedPhoto(app: FastifyInstance, id: string): Promise<StoredImage | null> {
  const photo = await findAttachedPhoto(app.database.db, id)
  const body = photo ? await app.settings.complaints.photoStorage.get(photo.storageKey) : null
  return photo && body ? { contentType: photo.contentType, bytes: photo.bytes, body } : null
}
