import type { Child, ChildInput, ChildList, ConsentBody, LinkedInstitution, LinkedInstitutionList, Me } from '../../../types/me'
import type { PrivacyPolicy } from '../../../types/privacy'
import { http } from '../../services/http'

export async function getMe(): Promise<Me> {
  const { data } = await http.get<Me>('/me')
  return data
}

export async function postConsent(body: ConsentBody): Promise<void> {
  await http.post('/me/consents', body)
}

export async function getPrivacyPolicy(): Promise<PrivacyPolicy> {
  const { data } = await http.get<PrivacyPolicy>('/privacy-policy')
  return data
}

export async function listChildren(): Promise<Child[]> {
  const { data } = await http.get<ChildList>('/me/children')
  return data.items
}

export async function createChild(input: ChildInput): Promise<Child> {
  const { data } = await http.post<Child>('/me/children', input)
  return data
}

/** Replaces the child's nickname and birth month (both are sent). */
export async function updateChild(id: string, input: ChildInput): Promise<Child> {
  const { data } = await http.put<Child>(`/me/children/${encodeURIComponent(id)}`, input)
  return data
}

export async function removeChild(id: string): Promise<void> {
  await http.delete(`/me/children/${encodeURIComponent(id)}`)
}

export async function listLinkedInstitutions(): Promise<LinkedInstitution[]> {
  const { data } = await http.get<LinkedInstitutionList>('/me/institutions')
  return data.items
}

export async function linkInstitution(code: string): Promise<LinkedInstitution> {
  const { data } = await http.post<LinkedInstitution>('/me/institutions', { code })
  return data
}

export async function unlinkInstitution(institutionId: string): Promise<void> {
  await http.delete(`/me/institutions/${encodeURIComponent(institutionId)}`)
}

export type ExportFile = { fileName: string; text: string; blob: Blob | null }

function fileNameOf(disposition: string | undefined): string {
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition ?? '')
  return match ? decodeURIComponent(match[1]) : 'jilin-tuoyu-my-data.json'
}

/** The account's data as the BFF exports it (a JSON attachment), read as text so nothing is lost in parsing. */
export async function exportMyData(): Promise<ExportFile> {
  const response = await http.get<string>('/me/export', { responseType: 'text', transformResponse: (raw: unknown) => raw })
  const text = typeof response.data === 'string' ? response.data : JSON.stringify(response.data, null, 2)
  const disposition = response.headers['content-disposition'] as string | undefined
  const blob = typeof Blob === 'undefined' ? null : new Blob([text], { type: 'application/json;charset=utf-8' })
  return { fileName: fileNameOf(disposition), text, blob }
}

export async function deleteAccount(): Promise<void> {
  await http.delete('/me')
}
