import type {
  CommitteeNotice,
  CommitteeNoticeList,
  CommitteePage,
  Notice,
  NoticeEdit,
  NoticeInput,
  NoticeList,
  UnreadCount,
  UploadedNoticeImage,
} from '../../../types/notices'
import { http } from '../../services/http'
import { uploadImage, type PickedImage } from '../../services/upload'

const seg = encodeURIComponent

export type CommitteeProfileInput = { displayName?: string; contact?: string }
export type MeetingInput = { heldOn: string; title: string; minutes: string }

export async function listNotices(institutionId: string): Promise<NoticeList> {
  const { data } = await http.get<NoticeList>(`/institutions/${seg(institutionId)}/notices`)
  return data
}

/** Also marks the notice read for the asking parent. */
export async function getNotice(id: string): Promise<Notice> {
  const { data } = await http.get<Notice>(`/notices/${seg(id)}`)
  return data
}

export async function getUnread(): Promise<UnreadCount> {
  const { data } = await http.get<UnreadCount>('/me/notices/unread')
  return data
}

export async function reportNotice(id: string, reason: string): Promise<void> {
  await http.post(`/notices/${seg(id)}/report`, { reason })
}

export async function createNotice(institutionId: string, input: NoticeInput): Promise<CommitteeNotice> {
  const { data } = await http.post<CommitteeNotice>(`/institutions/${seg(institutionId)}/notices`, input)
  return data
}

/** Replaces the notice: every field is sent, imageIds replace the images. */
export async function updateNotice(id: string, input: NoticeEdit): Promise<CommitteeNotice> {
  const { data } = await http.put<CommitteeNotice>(`/notices/${seg(id)}`, input)
  return data
}

export async function withdrawNotice(id: string): Promise<void> {
  await http.post(`/notices/${seg(id)}/withdraw`)
}

export async function listCommitteeNotices(institutionId: string): Promise<CommitteeNotice[]> {
  const { data } = await http.get<CommitteeNoticeList>(`/institutions/${seg(institutionId)}/committee/notices`)
  return data.items
}

export function uploadNoticeImage(image: PickedImage, onProgress: (percent: number) => void): Promise<UploadedNoticeImage> {
  return uploadImage<UploadedNoticeImage>({ path: '/notices/images', field: 'image', image, signedIn: true, onProgress })
}

export async function saveCommitteeProfile(institutionId: string, body: CommitteeProfileInput): Promise<void> {
  await http.put(`/institutions/${seg(institutionId)}/committee/profile`, body)
}

export async function addMeeting(institutionId: string, body: MeetingInput): Promise<void> {
  await http.post(`/institutions/${seg(institutionId)}/committee/meetings`, body)
}

export async function getCommitteePage(institutionId: string): Promise<CommitteePage> {
  const { data } = await http.get<CommitteePage>(`/institutions/${seg(institutionId)}/committee`, { skipAuth: true })
  return data
}
