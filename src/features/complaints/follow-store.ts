import { create } from 'zustand'
import { TRACKING_NUMBER_PATTERN } from './constants'
import { t } from '../../i18n'
import { describeActionError, statusOf } from '../../services/http'
import { setQueryData } from '../../services/server-data'
import * as api from './api'
import { useLocalComplaints } from './local-complaints'
import { complaintView } from './queries'

/** Which complaint the parent follows, and the tracking form; the complaint itself is server data (queries.ts). */
type State = {
  trackingNumber: string
  /** Known when tracked with the form or filed on this device; otherwise the sign-in token is used. */
  secret: string | null
  mode: 'form' | 'view'
  /** The tracking form is waiting for an answer. */
  busy: boolean
  error: string | null
}

type Actions = {
  /** Opened from a list: this device's secret when it has one, else the token. Without a number: the form. */
  open: (trackingNumber: string | undefined) => void
  track: (trackingNumber: string, secret: string) => Promise<boolean>
}

const trackingPattern = new RegExp(TRACKING_NUMBER_PATTERN)
const initial: State = { trackingNumber: '', secret: null, mode: 'form', busy: false, error: null }

export const useComplaintFollow = create<State & Actions>()((set) => ({
  ...initial,

  open: (trackingNumber) => {
    if (!trackingNumber) {
      set({ ...initial })
      return
    }
    const secret = useLocalComplaints.getState().find(trackingNumber)?.secret ?? null
    set({ trackingNumber, secret, mode: 'view', busy: false, error: null })
  },

  track: async (rawNumber, rawSecret) => {
    // Shown in groups on screen: spaces or line breaks copied along with it do not matter.
    const trackingNumber = rawNumber.replace(/\s+/g, '').toUpperCase()
    const secret = rawSecret.trim()
    if (!trackingPattern.test(trackingNumber) || secret.length < 8 || secret.length > 64) {
      set({ error: t('complaints.trackInvalid') })
      return false
    }
    set({ busy: true, error: null })
    try {
      const view = await api.trackComplaint({ trackingNumber, secret })
      setQueryData(complaintView(trackingNumber, secret).key, () => view)
      set({ trackingNumber, secret, mode: 'view', busy: false })
      return true
    } catch (error) {
      const status = statusOf(error)
      set({ busy: false, error: status === 404 || status === 401 || status === 403 ? t('complaints.trackNotFound') : describeActionError(error) })
      return false
    }
  },
}))
