import { create } from 'zustand'
import type { SanctionFilters } from './api'

/** Which 市州 and kind the parent looks at; the list itself is server data (queries.ts). */
type State = { filters: SanctionFilters }
type Actions = { setFilters: (patch: Partial<SanctionFilters>) => void }

export const useSanctionsStore = create<State & Actions>()((set, get) => ({
  filters: { cityCode: null, kind: null },
  setFilters: (patch) => set({ filters: { ...get().filters, ...patch } }),
}))
