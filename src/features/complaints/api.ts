import type {
  AdditionBody,
  ComplaintList,
  ComplaintView,
  FileComplaintBody,
  FiledComplaint,
  RatingBody,
  TrackBody,
  UploadedPhoto,
} from '../../../types/complaints'
import type { InstitutionPage } from '../../../types/institutions'
import { http } from '../../services/http'
import { absoluteUrl, uploadImage, type PickedImage } from '../../services/upload'

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

/** Registered institutions whose name contains `name` (the public search), for picking the one complained about. */
export async function searchInstitutions(name: string): Promise<InstitutionPage> {
  const { data } = await http.get<InstitutionPage>('/institutions', { params: { q: name, pageSize: 10 } })
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

export type LocalImage = PickedImage

/** One photo (multipart field `photo`), never with the sign-in token: a photo carries no identity (the BFF strips its metadata too). */
export function uploadPhoto(image: LocalImage, onProgress: (percent: number) => void): Promise<UploadedPhoto> {
  return uploadImage<UploadedPhoto>({ path: '/complaints/photos', field: 'photo', image, signedIn: false, onProgress })
}

/** Photo URLs in views are signed paths relative to the BFF (`/api/complaints/photos/...`). */
export const photoUrl = absoluteUrl
