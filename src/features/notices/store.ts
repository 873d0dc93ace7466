import { create } from 'zustand'

/** The notices this parent reported on this device (the BFF answers 409 to a second report, it does not list them). */
type State = { reported: Record<string, true> }
type Actions = { markReported: (id: string) => void; reset: () => void }

export const useReportedNotices = create<State & Actions>()((set, get) => ({
  reported: {},
  markReported: (id) => set({ reported: { ...get().reported, [id]: true } }),
  reset: () => set({ reported: {} }),
}))
