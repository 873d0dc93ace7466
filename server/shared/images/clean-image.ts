import { ClientError } from '../http-errors'
import { CONTENT_TYPES, EXTENSIONS, detectImageType, type ImageType } from './image-type'
import { reencodeWithoutMetadata, UnreadableImageError } from './reencode'

const ONLY_IMAGES = '只支持 JPEG、PNG、WebP 图片 (only JPEG, PNG and WebP images are accepted)'

export interface CleanImage {
  type: ImageType
  bytes: Buffer
  contentType: string
  extension: string
}

/** Checks the bytes are an image we accept (by content, never by name) and re-encodes it without metadata; 4xx naming `field` otherwise. */
export async function cleanUploadedImage(upload: Buffer, field: string): Promise<CleanImage> {
  const type = detectImageType(upload)
  if (!type) throw new ClientError(415, ONLY_IMAGES, field)
  try {
    const bytes = await reencodeWithoutMetadata(upload, type)
    return { type, bytes, contentType: CONTENT_TYPES[type], extension: EXTENSIONS[type] }
  } catch (error) {
    if (error instanceof UnreadableImageError) throw new ClientError(400, '图片已损坏或无法读取 (the image is damaged or cannot be read)', field)
    throw error
  }
}

/** `<prefix>/2026/11/<uuid>.jpg`: generated, never derived from anything the uploader sent. */
export function imageStorageKey(prefix: string, id: string, extension: string, now = new Date()): string {
  const month = String(now.getUTCMonth() + 1).padStart(2, '0')
  return `${prefix}/${now.getUTCFullYear()}/${month}/${id}.${extension}`
}
