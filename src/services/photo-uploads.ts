import Taro from '@tarojs/taro'
import { useEffect, useMemo, useRef, useState } from 'react'
import { t } from '../i18n'
import { describeActionError } from './http'
import type { PickedImage } from './upload'

export const MAX_PHOTOS = 9
export const MAX_PHOTO_BYTES = 8 * 1024 * 1024

export type PhotoStatus = 'uploading' | 'done' | 'failed'
/** One chosen photo and how its upload stands. Complaint drafts store these on the device: keep the shape. */
export type PhotoItem = {
  localId: string
  /** The local (temp) path or blob URL, for the thumbnail. */
  path: string
  size: number
  status: PhotoStatus
  progress: number
  /** The id the BFF gave the uploaded photo. */
  photoId: string | null
  error: string | null
}

/** Each feature uploads to its own BFF endpoint (through services/upload) and answers the id it was given. */
export type UploadPhoto = (image: PickedImage, onProgress: (percent: number) => void) => Promise<string>

/** Where a list of photos lives (a store's draft, a component's state): read it now, change it. */
export type PhotoListHolder = { get: () => PhotoItem[]; set: (change: (photos: PhotoItem[]) => PhotoItem[]) => void }

/** H5 keeps the chosen File objects here (they cannot be stored); the mini-program uploads from the temp path. */
const files = new Map<string, Blob>()
let sequence = 0

/**
 * Opens the album or camera for up to `count` images; cancelling gives none. A privacy API: with __usePrivacyCheck__
 * WeChat holds it until the parent answers the privacy sheet (services/wechat-privacy); a refusal gives none too.
 */
export async function pickImages(count: number): Promise<PickedImage[]> {
  if (count <= 0) return []
  try {
    const result = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
    const chosen = result.tempFiles?.length
      ? result.tempFiles.map((file) => ({ path: file.path, size: file.size, file: (file as { originalFileObj?: Blob }).originalFileObj }))
      : (result.tempFilePaths ?? []).map((path) => ({ path, size: 0 }))
    return chosen.slice(0, count)
  } catch {
    return []
  }
}

/** A photo just chosen: uploading, or failed at once when it is too large to send. */
export function newPhotoItem(image: PickedImage): PhotoItem {
  sequence += 1
  const localId = `p${Date.now().toString(36)}${sequence}`
  if (image.file) files.set(localId, image.file)
  const tooLarge = image.size > MAX_PHOTO_BYTES
  return {
    localId,
    path: image.path,
    size: image.size,
    status: tooLarge ? 'failed' : 'uploading',
    progress: 0,
    photoId: null,
    error: tooLarge ? t('photos.tooLarge') : null,
  }
}

/** A photo the BFF already has (editing something published): shown from its URL, nothing to upload. */
export const uploadedPhotoItem = (photoId: string, path: string): PhotoItem => ({
  localId: photoId,
  path,
  size: 0,
  status: 'done',
  progress: 100,
  photoId,
  error: null,
})

export function forgetPhoto(localId: string): void {
  files.delete(localId)
}

/** Uploads one item and reports every change through `update`; never throws. */
export async function runUpload(item: PhotoItem, upload: UploadPhoto, update: (localId: string, patch: Partial<PhotoItem>) => void): Promise<void> {
  if (item.size > MAX_PHOTO_BYTES) {
    update(item.localId, { status: 'failed', error: t('photos.tooLarge') })
    return
  }
  update(item.localId, { status: 'uploading', progress: 0, error: null })
  try {
    const photoId = await upload({ path: item.path, size: item.size, file: files.get(item.localId) }, (progress) => update(item.localId, { progress }))
    update(item.localId, { status: 'done', progress: 100, photoId, error: null })
  } catch (error) {
    update(item.localId, { status: 'failed', error: describeActionError(error) })
  }
}

export const uploadedIds = (photos: PhotoItem[]) => photos.filter((p) => p.status === 'done' && p.photoId).map((p) => p.photoId as string)
export const allUploaded = (photos: PhotoItem[]) => photos.every((p) => p.status === 'done')

/** An upload cut off by closing the app did not finish: a saved list offers a retry instead. */
export const interruptedAsFailed = (photos: PhotoItem[]): PhotoItem[] =>
  photos.map((p) => (p.status === 'uploading' ? { ...p, status: 'failed' as const, error: t('photos.uploadFailed') } : p))

/** Add (each photo uploads as soon as it is chosen), retry a failed one, remove one, forget them all. */
export function photoListActions({ get, set }: PhotoListHolder, upload: UploadPhoto, max = MAX_PHOTOS) {
  const update = (localId: string, patch: Partial<PhotoItem>) => set((photos) => photos.map((p) => (p.localId === localId ? { ...p, ...patch } : p)))
  return {
    add: async () => {
      const remaining = max - get().length
      if (remaining <= 0) return
      const images = await pickImages(remaining)
      // Photos may have been removed or added meanwhile: never more than `max`.
      const items = images.slice(0, Math.max(0, max - get().length)).map(newPhotoItem)
      if (!items.length) return
      set((photos) => [...photos, ...items])
      await Promise.all(items.filter((item) => item.status === 'uploading').map((item) => runUpload(item, upload, update)))
    },
    retry: async (localId: string) => {
      const item = get().find((p) => p.localId === localId)
      if (item && item.status === 'failed') await runUpload(item, upload, update)
    },
    remove: (localId: string) => {
      forgetPhoto(localId)
      set((photos) => photos.filter((p) => p.localId !== localId))
    },
    clear: () => {
      get().forEach((p) => forgetPhoto(p.localId))
      set(() => [])
    },
  }
}

/** A component's own list of photos (not saved anywhere): the chosen files are forgotten when it goes away. */
export function usePhotoUploads(upload: UploadPhoto, max = MAX_PHOTOS) {
  const [photos, setPhotos] = useState<PhotoItem[]>([])
  // Uploads report after awaits: they read and change the newest list, not the one of the render that started them.
  const latest = useRef<PhotoItem[]>([])
  const uploadRef = useRef(upload)
  uploadRef.current = upload
  const actions = useMemo(() => {
    const holder: PhotoListHolder = {
      get: () => latest.current,
      set: (change) => {
        latest.current = change(latest.current)
        setPhotos(latest.current)
      },
    }
    return {
      ...photoListActions(holder, (image, onProgress) => uploadRef.current(image, onProgress), max),
      replace: (list: PhotoItem[]) => holder.set(() => list),
    }
  }, [max])
  useEffect(() => () => latest.current.forEach((p) => forgetPhoto(p.localId)), [])
  return { photos, ...actions }
}
