import { create } from 'zustand'
import type { Origin } from '../../utils/origin'
import { emptyFilters, type ClassFilters } from './filters'

/** Where from and which filters; the classes themselves are server data (queries.ts). */
type State = { origin: Origin | null; filters: ClassFilters }

type Actions = {
  setOrigin: (origin: Origin) => void
  setFilters: (patch: Partial<ClassFilters>) => void
  clearFilters: () => void
}

export const useClassesStore = create<State & Actions>()((set, get) => ({
  origin: null,
  filters: emptyFilters,
  setOrigin: (origin) => set({ origin }),
  setFilters: (patch) => set({ filters: { ...get().filters, ...patch } }),
  clearFilters: () => set({ filters: emptyFilters }),
}))
