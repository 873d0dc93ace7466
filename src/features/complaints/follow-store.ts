import { create } from 'zustand'
import type { ComplaintView } from '../../../types/complaints'
import { TRACKING_NUMBER_PATTERN } from './constants'
import { t } from '../../i18n'
import { describeActionError, describeError, statusOf } from '../../services/http'
import * as api from './api'
import { useLocalComplaints } from './local-complaints'

type Status = 'form' | 'loading' | 'ready' | 'error'

type State = {
  trackingNumber: string
  /** Known when tracked with the form or filed on this device; otherwise the sign-in token is used. */
  secret: string | null
  view: ComplaintView | null
  status: Status
  /** The tracking form is waiting for an answer. */
  busy: boolean
  error: string | null
}

type Actions = {
  /** Opened from a list: this device's secret when it has one, else the token. Without a number: the form. */
  open: (trackingNumber: string | undefined) => Promise<void>
  track: (trackingNumber: string, secret: string) => Promise<boolean>
  reload: () => Promise<void>
  addAddition: (text: string, photoIds: string[]) => Promise<void>
  rate: (score: number, comment: string) => Promise<void>
  showForm: () => void
}

const trackingPattern = new RegExp(TRACKING_NUMBER_PATTERN)
const initial: State = { trackingNumber: '', secret: null, view: null, status: 'form', busy: false, error: null }

export const useComplaintFollow = create<State & Actions>()((set, get) => ({
  ...initial,

  open: async (trackingNumber) => {
    if (!trackingNumber) {
      set({ ...initial })
      return
    }
    const secret = useLocalComplaints.getState().find(trackingNumber)?.secret ?? null
    set({ trackingNumber, secret, view: null, status: 'loading', error: null })
    await get().reload()
  },

  track: async (rawNumber, rawSecret) => {
    const trackingNumber = rawNumber.trim().toUpperCase()
    const secret = rawSecret.trim()
    if (!trackingPattern.test(trackingNumber) || secret.length < 8 || secret.length > 64) {
      set({ error: t('complaints.trackInvalid') })
      return false
    }
    set({ busy: true, error: null, trackingNumber, secret })
    try {
      const view = await api.trackComplaint({ trackingNumber, secret })
      set({ view, status: 'ready', busy: false })
      return true
    } catch (error) {
      const status = statusOf(error)
      set({ busy: false, error: status === 404 || status === 401 || status === 403 ? t('complaints.trackNotFound') : describeActionError(error) })
      return false
    }
  },

  reload: async () => {
    const { trackingNumber, secret } = get()
    try {
      const view = await api.getComplaint(trackingNumber, secret)
      set({ view, status: 'ready', error: null })
    } catch (error) {
      const status = statusOf(error)
      // Not this account's complaint and no secret here: ask for it.
      if (status === 401 || status === 403 || status === 404) set({ status: 'form', error: status === 404 ? t('complaints.trackNotFound') : null })
      else set({ status: 'error', error: describeError(error) })
    }
  },

  addAddition: async (text, photoIds) => {
    const { trackingNumber, secret } = get()
    await api.addAddition(trackingNumber, { text, photoIds }, secret)
    await get().reload()
  },

  rate: async (score, comment) => {
    const { trackingNumber, secret } = get()
    const trimmed = comment.trim()
    await api.rateComplaint(trackingNumber, { score, ...(trimmed ? { comment: trimmed } : {}) }, secret)
    await get().reload()
  },

  showForm: () => set({ status: 'form', view: null, error: null }),
}))
