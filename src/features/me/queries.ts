import { isAxiosError } from 'axios'
import type { ErrorResponse } from '../../../types/common'
import type { Child, ChildInput, LinkedInstitution, Me } from '../../../types/me'
import { fetchQuery, getQueryData, query, setQueryData, useQuery } from '../../services/server-data'
import * as api from './api'

export const meQuery = query({ key: ['me'], fetch: () => api.getMe(), account: true })
export const childrenQuery = query({ key: ['children'], fetch: () => api.listChildren(), account: true })
export const linkedQuery = query({ key: ['linked-institutions'], fetch: () => api.listLinkedInstitutions(), account: true })
export const privacyPolicyQuery = query({ key: ['privacy-policy'], fetch: () => api.getPrivacyPolicy() })

/** The signed-in parent's data: fetched on mount, at sign-in and each time the page shows again; nothing when signed out. */
const accountView = { refetchOnShow: true }
export const useMe = (signedIn: boolean) => useQuery(meQuery, { ...accountView, enabled: signedIn })
export const useChildren = (signedIn: boolean) => useQuery(childrenQuery, { ...accountView, enabled: signedIn })
export const useLinkedInstitutions = (signedIn: boolean) => useQuery(linkedQuery, { ...accountView, enabled: signedIn })

export function needsChildConsent(me: Me | null | undefined): boolean {
  return !me || me.consents.childData.needed || me.consents.privacyPolicy.needed
}

function isConsentRequired(error: unknown): boolean {
  return isAxiosError<ErrorResponse>(error) && error.response?.status === 403 && error.response.data?.code === 'consent_required'
}

const currentMe = async () => getQueryData<Me>(meQuery.key) ?? (await fetchQuery(meQuery))

/** 'consentNeeded' when the guardian has not (or no longer) agreed: nothing was sent. Throws on other failures. */
export async function saveChild(input: ChildInput, id?: string): Promise<'saved' | 'consentNeeded'> {
  if (needsChildConsent(await currentMe())) return 'consentNeeded'
  try {
    if (id) {
      const updated = await api.updateChild(id, input)
      setQueryData<Child[]>(childrenQuery.key, (children) => children?.map((child) => (child.id === id ? updated : child)))
    } else {
      const child = await api.createChild(input)
      setQueryData<Child[]>(childrenQuery.key, (children) => [...(children ?? []), child])
    }
    return 'saved'
  } catch (error) {
    if (!isConsentRequired(error)) throw error
    await fetchQuery(meQuery, { force: true })
    return 'consentNeeded'
  }
}

/** The guardian's separate consent for children's data (and the privacy policy when that is needed too). */
export async function acceptChildConsent(): Promise<void> {
  const me = await currentMe()
  if (!me) throw new Error('me unavailable')
  const { privacyPolicy, childData } = me.consents
  if (privacyPolicy.needed) await api.postConsent({ kind: 'privacy_policy', version: privacyPolicy.currentVersion, action: 'accept' })
  if (childData.needed) await api.postConsent({ kind: 'child_data', version: childData.currentVersion, action: 'accept' })
  await fetchQuery(meQuery, { force: true })
}

export async function acceptPolicy(): Promise<void> {
  const me = await currentMe()
  if (!me) throw new Error('me unavailable')
  await api.postConsent({ kind: 'privacy_policy', version: me.consents.privacyPolicy.currentVersion, action: 'accept' })
  await fetchQuery(meQuery, { force: true })
}

export async function deleteChild(id: string): Promise<void> {
  await api.removeChild(id)
  setQueryData<Child[]>(childrenQuery.key, (children) => children?.filter((child) => child.id !== id))
}

export async function linkInstitution(code: string): Promise<LinkedInstitution> {
  const linked = await api.linkInstitution(code)
  setQueryData<LinkedInstitution[]>(linkedQuery.key, (items) => [...(items ?? []).filter((item) => item.institutionId !== linked.institutionId), linked])
  return linked
}

export async function unlinkInstitution(institutionId: string): Promise<void> {
  await api.unlinkInstitution(institutionId)
  setQueryData<LinkedInstitution[]>(linkedQuery.key, (items) => items?.filter((item) => item.institutionId !== institutionId))
}
