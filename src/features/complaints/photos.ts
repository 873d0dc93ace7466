import { t } from '../../i18n'
import { describeActionError } from '../../services/http'
import { pickImages } from '../../services/upload'
import { uploadPhoto, type LocalImage } from './api'

export const MAX_PHOTOS = 9
export const MAX_PHOTO_BYTES = 8 * 1024 * 1024

export type PhotoStatus = 'uploading' | 'done' | 'failed'
export type PhotoItem = {
  localId: string
  /** The local (temp) path or blob URL, for the thumbnail. */
  path: string
  size: number
  status: PhotoStatus
  progress: number
  photoId: string | null
  error: string | null
}

/** H5 keeps the chosen File objects here (they cannot be stored); the mini-program uploads from the temp path. */
const files = new Map<string, Blob>()
let sequence = 0

/** Opens the album or camera for up to `count` images; cancelling gives none. */
export const choosePhotos = (count: number): Promise<LocalImage[]> => pickImages(count)

export function newPhotoItem(image: LocalImage): PhotoItem {
  sequence += 1
  const localId = `p${Date.now().toString(36)}${sequence}`
  if (image.file) files.set(localId, image.file)
  const tooLarge = image.size > MAX_PHOTO_BYTES
  return { localId, path: image.path, size: image.size, status: tooLarge ? 'failed' : 'uploading', progress: 0, photoId: null, error: tooLarge ? t('complaints.photoTooLarge') : null }
}

export function forgetPhoto(localId: string): void {
  files.delete(localId)
}

/** Uploads one item and reports every change through `update`; never throws. */
export async function runUpload(item: PhotoItem, update: (localId: string, patch: Partial<PhotoItem>) => void): Promise<void> {
  if (item.size > MAX_PHOTO_BYTES) {
    update(item.localId, { status: 'failed', error: t('complaints.photoTooLarge') })
    return
  }
  update(item.localId, { status: 'uploading', progress: 0, error: null })
  try {
    const uploaded = await uploadPhoto({ path: item.path, size: item.size, file: files.get(item.localId) }, (progress) => update(item.localId, { progress }))
    update(item.localId, { status: 'done', progress: 100, photoId: uploaded.photoId, error: null })
  } catch (error) {
    update(item.localId, { status: 'failed', error: describeActionError(error) })
  }
}

export const uploadedIds = (photos: PhotoItem[]) => photos.filter((p) => p.status === 'done' && p.photoId).map((p) => p.photoId as string)
export const allUploaded = (photos: PhotoItem[]) => photos.every((p) => p.status === 'done')
