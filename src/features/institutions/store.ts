import { create } from 'zustand'
import type { InstitutionSort, ServiceForm } from '../../../types/institutions'
import type { Origin } from '../../utils/origin'
import { budgetOf, defaultSortFor, emptyFilters, type InstitutionFilters } from './filters'

export type FinderView = 'list' | 'map'

/** What the parent asked for: where from, which filters, which order, as a list or on a map. The results are server data (queries.ts). */
type State = {
  origin: Origin | null
  filters: InstitutionFilters
  sort: InstitutionSort
  view: FinderView
}

type Actions = {
  setOrigin: (origin: Origin) => void
  setFilters: (patch: Partial<InstitutionFilters>) => void
  toggleServiceForm: (form: ServiceForm) => void
  clearFilters: () => void
  /** Clears everything but the searched name: widening must not forget what the parent typed. */
  clearFiltersKeepingSearch: () => void
  setSort: (sort: InstitutionSort) => void
  setView: (view: FinderView) => void
}

export const useInstitutionsStore = create<State & Actions>()((set, get) => ({
  origin: null,
  filters: emptyFilters,
  sort: 'distance',
  view: 'list',

  setOrigin: (origin) => {
    const switchedKind = get().origin?.kind !== origin.kind
    set({ origin, ...(switchedKind ? { sort: defaultSortFor(origin) } : {}) })
  },

  setFilters: (patch) => set({ filters: { ...get().filters, ...patch } }),

  /** A budget read in another unit (元/月 against 元/小时) would mean something else: it goes when the unit changes. */
  toggleServiceForm: (form) => {
    const forms = get().filters.serviceForms
    const serviceForms = forms.includes(form) ? forms.filter((f) => f !== form) : [...forms, form]
    const sameUnit = budgetOf(serviceForms).unit === budgetOf(forms).unit
    get().setFilters({ serviceForms, ...(sameUnit ? {} : { maxFee: null }) })
  },

  clearFilters: () => set({ filters: emptyFilters }),

  clearFiltersKeepingSearch: () => set({ filters: { ...emptyFilters, q: get().filters.q } }),

  setSort: (sort) => set({ sort }),

  setView: (view) => set({ view }),
}))
