import Taro from '@tarojs/taro'
import { AxiosError, AxiosHeaders } from 'axios'
import type { AdditionBody, ComplaintList, ComplaintView, FileComplaintBody, FiledComplaint, RatingBody, TrackBody, UploadedPhoto } from '../../../types/complaints'
import type { RegionsResponse } from '../../../types/regions'
import { apiBaseURL, http } from '../../services/http'
import { isWeapp } from '../../utils/platform'

/** Reporter actions without a sign-in carry the secret shown at filing time. */
const secretHeader = (secret?: string | null) => (secret ? { 'X-Complaint-Secret': secret } : undefined)

/**
 * 201 for a new complaint, 200 when the same Idempotency-Key was already filed: the same complaint either way.
 * An anonymous complaint goes out without the sign-in token, so not even the request carries the reporter's identity.
 */
export async function fileComplaint(body: FileComplaintBody, idempotencyKey: string): Promise<FiledComplaint> {
  const { data } = await http.post<FiledComplaint>('/complaints', body, { headers: { 'Idempotency-Key': idempotencyKey }, skipAuth: body.anonymous })
  return data
}

export async function trackComplaint(body: TrackBody): Promise<ComplaintView> {
  const { data } = await http.post<ComplaintView>('/complaints/track', body)
  return data
}

/** With the secret (anonymous or from this device) or, signed in, with the token the http layer adds. */
export async function getComplaint(trackingNumber: string, secret?: string | null): Promise<ComplaintView> {
  const { data } = await http.get<ComplaintView>(`/complaints/${encodeURIComponent(trackingNumber)}`, { headers: secretHeader(secret) })
  return data
}

export async function listMyComplaints(page = 1): Promise<ComplaintList> {
  const { data } = await http.get<ComplaintList>('/me/complaints', { params: { page } })
  return data
}

export async function addAddition(trackingNumber: string, body: AdditionBody, secret?: string | null): Promise<void> {
  await http.post(`/complaints/${encodeURIComponent(trackingNumber)}/additions`, body, { headers: secretHeader(secret) })
}

export async function rateComplaint(trackingNumber: string, body: RatingBody, secret?: string | null): Promise<void> {
  await http.post(`/complaints/${encodeURIComponent(trackingNumber)}/rating`, body, { headers: secretHeader(secret) })
}

/** The complaints feature's own call for the 市州 list (the location feature has its own; features do not share stores). */
export async function getRegions(): Promise<RegionsResponse> {
  const { data } = await http.get<RegionsResponse>('/regions')
  return data
}

export type LocalImage = { path: string; size: number; file?: Blob }

/**
 * Uploads one photo (multipart field `photo`). The mini-program goes through Taro.uploadFile; H5 posts a FormData
 * through axios. No sign-in token is sent: a photo carries no identity (the BFF strips its metadata too).
 */
export function uploadPhoto(image: LocalImage, onProgress: (percent: number) => void): Promise<UploadedPhoto> {
  if (isWeapp()) return uploadInMiniProgram(image.path, onProgress)
  if (!image.file) return Promise.reject(new AxiosError('photo file unavailable', AxiosError.ERR_BAD_REQUEST))
  const form = new FormData()
  form.append('photo', image.file, fileName(image))
  return http
    .post<UploadedPhoto>('/complaints/photos', form, {
      skipAuth: true,
      timeout: 60_000,
      onUploadProgress: (event) => {
        if (event.total) onProgress(Math.round((event.loaded / event.total) * 100))
      },
    })
    .then(({ data }) => data)
}

function fileName(image: LocalImage): string {
  const type = image.file?.type ?? ''
  return `photo.${type.includes('png') ? 'png' : type.includes('webp') ? 'webp' : 'jpg'}`
}

function uploadInMiniProgram(filePath: string, onProgress: (percent: number) => void): Promise<UploadedPhoto> {
  return new Promise((resolve, reject) => {
    const task = Taro.uploadFile({
      url: `${apiBaseURL}/complaints/photos`,
      filePath,
      name: 'photo',
      timeout: 60_000,
      success: (result) => {
        let data: unknown = result.data
        try {
          data = JSON.parse(result.data)
        } catch {
          // leave as text
        }
        if (result.statusCode >= 200 && result.statusCode < 300) {
          resolve(data as UploadedPhoto)
          return
        }
        const response = { data, status: result.statusCode, statusText: String(result.statusCode), headers: new AxiosHeaders(), config: { headers: new AxiosHeaders() } }
        reject(new AxiosError(`Request failed with status code ${result.statusCode}`, AxiosError.ERR_BAD_REQUEST, undefined, null, response))
      },
      fail: (error) => reject(new AxiosError(error.errMsg || 'Network Error', AxiosError.ERR_NETWORK)),
    })
    task?.onProgressUpdate?.((progress) => onProgress(progress.progress))
  })
}

/** Photo URLs in views are signed paths relative to the BFF (`/api/complaints/photos/...`): the mini-program needs the origin. */
export function photoUrl(url: string): string {
  if (!isWeapp() || /^https?:/.test(url)) return url
  return `${apiBaseURL.replace(/\/api$/, '')}${url}`
}
