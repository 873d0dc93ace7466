import { create } from 'zustand'
import type { ComplaintSummary } from '../../../types/complaints'
import { onSessionChange } from '../../services/session'
import { listMyComplaints } from './api'

type State = { items: ComplaintSummary[]; status: 'idle' | 'loading' | 'ready' | 'error' }
type Actions = { load: () => Promise<void>; reset: () => void }

/** 我的投诉: complaints filed while signed in (not anonymous ones: the BFF keeps no identity with those). */
export const useMyComplaints = create<State & Actions>()((set, get) => ({
  items: [],
  status: 'idle',
  load: async () => {
    set({ status: get().status === 'ready' ? 'ready' : 'loading' })
    try {
      const list = await listMyComplaints()
      set({ items: list.items, status: 'ready' })
    } catch {
      set({ status: 'error' })
    }
  },
  reset: () => set({ items: [], status: 'idle' }),
}))

onSessionChange((event) => {
  if (event.type === 'signedOut') useMyComplaints.getState().reset()
})
