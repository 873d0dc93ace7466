import { isAxiosError } from 'axios'
import { create } from 'zustand'
import type { ErrorResponse } from '../../../types/common'
import type { Child, ChildInput, LinkedInstitution, Me } from '../../../types/me'
import type { PrivacyPolicy } from '../../../types/privacy'
import { onSessionChange } from '../../services/session'
import * as api from './api'

type Status = 'idle' | 'loading' | 'ready' | 'error'

type State = {
  me: Me | null
  meStatus: Status
  children: Child[]
  childrenStatus: Status
  linked: LinkedInstitution[]
  linkedStatus: Status
  policy: PrivacyPolicy | null
  policyStatus: Status
}

type Actions = {
  loadMe: () => Promise<Me | null>
  loadChildren: () => Promise<void>
  /** 'consentNeeded' when the guardian has not (or no longer) agreed: nothing was sent. Throws on other failures. */
  saveChild: (input: ChildInput, id?: string) => Promise<'saved' | 'consentNeeded'>
  /** The guardian's separate consent for children's data (and the privacy policy when that is needed too). */
  acceptChildConsent: () => Promise<void>
  acceptPolicy: () => Promise<void>
  deleteChild: (id: string) => Promise<void>
  loadLinked: () => Promise<void>
  link: (code: string) => Promise<LinkedInstitution>
  unlink: (institutionId: string) => Promise<void>
  loadPolicy: () => Promise<void>
  reset: () => void
}

const initialState: State = {
  me: null,
  meStatus: 'idle',
  children: [],
  childrenStatus: 'idle',
  linked: [],
  linkedStatus: 'idle',
  policy: null,
  policyStatus: 'idle',
}

export function needsChildConsent(me: Me | null): boolean {
  return !me || me.consents.childData.needed || me.consents.privacyPolicy.needed
}

function isConsentRequired(error: unknown): boolean {
  return isAxiosError<ErrorResponse>(error) && error.response?.status === 403 && error.response.data?.error === 'ConsentRequired'
}

export const useMeStore = create<State & Actions>()((set, get) => ({
  ...initialState,

  loadMe: async () => {
    set({ meStatus: get().me ? 'ready' : 'loading' })
    try {
      const me = await api.getMe()
      set({ me, meStatus: 'ready' })
      return me
    } catch {
      set({ meStatus: 'error' })
      return null
    }
  },

  loadChildren: async () => {
    set({ childrenStatus: get().childrenStatus === 'ready' ? 'ready' : 'loading' })
    try {
      set({ children: await api.listChildren(), childrenStatus: 'ready' })
    } catch {
      set({ childrenStatus: 'error' })
    }
  },

  saveChild: async (input, id) => {
    const me = get().me ?? (await get().loadMe())
    if (needsChildConsent(me)) return 'consentNeeded'
    try {
      if (id) {
        const updated = await api.updateChild(id, input)
        set({ children: get().children.map((child) => (child.id === id ? updated : child)) })
      } else {
        const child = await api.createChild(input)
        set({ children: [...get().children, child], childrenStatus: 'ready' })
      }
      return 'saved'
    } catch (error) {
      if (!isConsentRequired(error)) throw error
      await get().loadMe()
      return 'consentNeeded'
    }
  },

  acceptChildConsent: async () => {
    const me = get().me ?? (await get().loadMe())
    if (!me) throw new Error('me unavailable')
    const { privacyPolicy, childData } = me.consents
    if (privacyPolicy.needed) await api.postConsent({ kind: 'privacy_policy', version: privacyPolicy.currentVersion, action: 'accept' })
    if (childData.needed) await api.postConsent({ kind: 'child_data', version: childData.currentVersion, action: 'accept' })
    await get().loadMe()
  },

  acceptPolicy: async () => {
    const me = get().me ?? (await get().loadMe())
    if (!me) throw new Error('me unavailable')
    await api.postConsent({ kind: 'privacy_policy', version: me.consents.privacyPolicy.currentVersion, action: 'accept' })
    await get().loadMe()
  },

  deleteChild: async (id) => {
    await api.removeChild(id)
    set({ children: get().children.filter((child) => child.id !== id) })
  },

  loadLinked: async () => {
    set({ linkedStatus: get().linkedStatus === 'ready' ? 'ready' : 'loading' })
    try {
      set({ linked: await api.listLinkedInstitutions(), linkedStatus: 'ready' })
    } catch {
      set({ linkedStatus: 'error' })
    }
  },

  link: async (code) => {
    const linked = await api.linkInstitution(code)
    const others = get().linked.filter((item) => item.institutionId !== linked.institutionId)
    set({ linked: [...others, linked], linkedStatus: 'ready' })
    return linked
  },

  unlink: async (institutionId) => {
    await api.unlinkInstitution(institutionId)
    set({ linked: get().linked.filter((item) => item.institutionId !== institutionId) })
  },

  loadPolicy: async () => {
    set({ policyStatus: get().policy ? 'ready' : 'loading' })
    try {
      set({ policy: await api.getPrivacyPolicy(), policyStatus: 'ready' })
    } catch {
      set({ policyStatus: 'error' })
    }
  },

  // The policy text is public: keep it.
  reset: () => set({ ...initialState, policy: get().policy, policyStatus: get().policyStatus }),
}))

// Another parent may sign in on this device next: forget this account's data as soon as the session ends.
onSessionChange((event) => {
  if (event.type === 'signedOut') useMeStore.getState().reset()
})
