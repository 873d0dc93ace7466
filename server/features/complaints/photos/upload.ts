import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import type { UploadedPhoto } from '../../../../types/complaints'
import { ClientError } from '../../../shared/http-errors'
import { CONTENT_TYPES, EXTENSIONS, detectImageType, type ImageType } from './image-type'
import { reencodeWithoutMetadata, UnreadableImageError } from './reencode'
import { insertPhoto } from './repository'

export const DEFAULT_PHOTO_MAX_BYTES = 8 * 1024 * 1024

const ONLY_IMAGES = '只支持 JPEG、PNG、WebP 图片 (only JPEG, PNG and WebP images are accepted)'

/** complaints/2026/11/<uuid>.jpg: generated, never derived from anything the uploader sent. */
export function photoStorageKey(id: string, type: ImageType, now = new Date()): string {
  const month = String(now.getUTCMonth() + 1).padStart(2, '0')
  return `complaints/${now.getUTCFullYear()}/${month}/${id}.${EXTENSIONS[type]}`
}

/** Checks the bytes are an image we accept, strips its metadata, stores it and records it as not yet attached. */
export async function storeUploadedPhoto(app: FastifyInstance, upload: Buffer): Promise<UploadedPhoto> {
  const type = detectImageType(upload)
  if (!type) throw new ClientError(415, ONLY_IMAGES, 'photo')
  let clean: Buffer
  try {
    clean = await reencodeWithoutMetadata(upload, type)
  } catch (error) {
    if (error instanceof UnreadableImageError) throw new ClientError(400, `图片已损坏或无法读取 (the image is damaged or cannot be read)`, 'photo')
    throw error
  }
  const id = randomUUID()
  const storageKey = photoStorageKey(id, type)
  const contentType = CONTENT_TYPES[type]
  const storage = app.settings.complaints.photoStorage
  await storage.put(storageKey, clean, contentType)
  try {
    await insertPhoto(app.database.db, { id, storageKey, contentType, bytes: clean.length })
  } catch (error) {
    await storage.delete(storageKey).catch(() => {})
    throw error
  }
  return { photoId: id, bytes: clean.length, contentType }
}
