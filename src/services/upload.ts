import Taro from '@tarojs/taro'
import { AxiosError, AxiosHeaders } from 'axios'
import { isWeapp } from '../utils/platform'
import { apiBaseURL, authHeader, http } from './http'

/** An image picked with Taro.chooseImage (services/photo-uploads): the temp path (mini-program) or the File behind a blob URL (H5). */
export type PickedImage = { path: string; size: number; file?: Blob }

type UploadOptions = { path: string; field: string; image: PickedImage; signedIn: boolean; onProgress?: (percent: number) => void }

/**
 * Uploads one image as multipart `field` to `path` (relative to /api). The mini-program goes through Taro.uploadFile
 * (with the Authorization header when `signedIn`); H5 posts a FormData through the one axios instance.
 */
export function uploadImage<T>({ path, field, image, signedIn, onProgress }: UploadOptions): Promise<T> {
  if (isWeapp()) return uploadInMiniProgram<T>(path, field, image.path, signedIn, onProgress)
  if (!image.file) return Promise.reject(new AxiosError('image file unavailable', AxiosError.ERR_BAD_REQUEST))
  const form = new FormData()
  const type = image.file.type ?? ''
  form.append(field, image.file, `image.${type.includes('png') ? 'png' : type.includes('webp') ? 'webp' : 'jpg'}`)
  return http
    .post<T>(path, form, {
      skipAuth: !signedIn,
      timeout: 60_000,
      onUploadProgress: (event) => {
        if (event.total) onProgress?.(Math.round((event.loaded / event.total) * 100))
      },
    })
    .then(({ data }) => data)
}

function uploadInMiniProgram<T>(path: string, field: string, filePath: string, signedIn: boolean, onProgress?: (percent: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const task = Taro.uploadFile({
      url: `${apiBaseURL}${path}`,
      filePath,
      name: field,
      header: signedIn ? authHeader() : {},
      timeout: 60_000,
      success: (result) => {
        let data: unknown = result.data
        try {
          data = JSON.parse(result.data)
        } catch {
          // leave as text
        }
        if (result.statusCode >= 200 && result.statusCode < 300) {
          resolve(data as T)
          return
        }
        const response = {
          data,
          status: result.statusCode,
          statusText: String(result.statusCode),
          headers: new AxiosHeaders(),
          config: { headers: new AxiosHeaders() },
        }
        reject(new AxiosError(`Request failed with status code ${result.statusCode}`, AxiosError.ERR_BAD_REQUEST, undefined, null, response))
      },
      fail: (error) => reject(new AxiosError(error.errMsg || 'Network Error', AxiosError.ERR_NETWORK)),
    })
    task?.onProgressUpdate?.((progress) => onProgress?.(progress.progress))
    // Taro.uploadFile's promise rejects on `fail` too, after the callback has answered: settle it here.
    void (task as unknown as Promise<unknown> | undefined)?.catch?.(() => undefined)
  })
}

/** Image URLs from the BFF are paths relative to it (`/api/...`): the mini-program needs the origin. */
export function absoluteUrl(url: string): string {
  if (!isWeapp() || /^https?:/.test(url)) return url
  return `${apiBaseURL.replace(/\/api$/, '')}${url}`
}
