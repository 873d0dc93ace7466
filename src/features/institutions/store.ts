import { create } from 'zustand'
import type { GradeScheme } from '../../../types/grades'
import type { InstitutionSort, InstitutionSummary, ServiceForm } from '../../../types/institutions'
import { describeError } from '../../services/http'
import type { Origin } from '../../utils/origin'
import { getGradeScheme, searchInstitutions } from './api'
import { buildSearchQuery, defaultSortFor, emptyFilters, type InstitutionFilters } from './filters'

export const PAGE_SIZE = 10

type ListStatus = 'idle' | 'loading' | 'ready' | 'error'

type State = {
  origin: Origin | null
  filters: InstitutionFilters
  sort: InstitutionSort
  items: InstitutionSummary[]
  total: number
  totalCapped: boolean
  page: number
  hasMore: boolean
  status: ListStatus
  error: string | null
  loadingMore: boolean
  loadMoreError: string | null
  scheme: GradeScheme | null
}

type Actions = {
  setOrigin: (origin: Origin) => Promise<void>
  setFilters: (patch: Partial<InstitutionFilters>) => Promise<void>
  toggleServiceForm: (form: ServiceForm) => Promise<void>
  clearFilters: () => Promise<void>
  setSort: (sort: InstitutionSort) => Promise<void>
  load: () => Promise<void>
  refresh: () => Promise<void>
  loadMore: () => Promise<void>
  retry: () => Promise<void>
  loadScheme: () => Promise<void>
}

const initialState: State = {
  origin: null,
  filters: emptyFilters,
  sort: 'distance',
  items: [],
  total: 0,
  totalCapped: false,
  page: 0,
  hasMore: false,
  status: 'idle',
  error: null,
  loadingMore: false,
  loadMoreError: null,
  scheme: null,
}

// Every new first-page query bumps this, so answers to superseded queries are dropped.
let generation = 0

export const useInstitutionsStore = create<State & Actions>()((set, get) => {
  async function fetchFirstPage(showSpinner: boolean): Promise<void> {
    const { origin, filters, sort } = get()
    if (!origin) return
    const mine = ++generation
    set(showSpinner ? { status: 'loading', error: null, items: [], loadMoreError: null } : { error: null, loadMoreError: null })
    try {
      const page = await searchInstitutions(buildSearchQuery(origin, filters, sort, 1, PAGE_SIZE))
      if (mine !== generation) return
      set({ status: 'ready', items: page.items, total: page.total, totalCapped: page.totalCapped, page: page.page, hasMore: page.hasMore, loadingMore: false })
    } catch (error) {
      if (mine !== generation) return
      set({ status: 'error', error: describeError(error), items: [], loadingMore: false })
    }
  }

  return {
    ...initialState,

    setOrigin: async (origin) => {
      const previous = get().origin
      const switchedKind = previous?.kind !== origin.kind
      set({ origin, ...(switchedKind ? { sort: defaultSortFor(origin) } : {}) })
      await fetchFirstPage(true)
    },

    setFilters: async (patch) => {
      set({ filters: { ...get().filters, ...patch } })
      await fetchFirstPage(true)
    },

    toggleServiceForm: async (form) => {
      const forms = get().filters.serviceForms
      await get().setFilters({ serviceForms: forms.includes(form) ? forms.filter((f) => f !== form) : [...forms, form] })
    },

    clearFilters: async () => {
      set({ filters: emptyFilters })
      await fetchFirstPage(true)
    },

    setSort: async (sort) => {
      set({ sort })
      await fetchFirstPage(true)
    },

    load: () => fetchFirstPage(true),

    refresh: () => fetchFirstPage(false),

    loadMore: async () => {
      const { origin, filters, sort, page, hasMore, loadingMore, status } = get()
      if (!origin || !hasMore || loadingMore || status !== 'ready') return
      const mine = generation
      set({ loadingMore: true, loadMoreError: null })
      try {
        const next = await searchInstitutions(buildSearchQuery(origin, filters, sort, page + 1, PAGE_SIZE))
        if (mine !== generation) return
        const known = new Set(get().items.map((item) => item.id))
        set({
          items: [...get().items, ...next.items.filter((item) => !known.has(item.id))],
          page: next.page,
          total: next.total,
          totalCapped: next.totalCapped,
          hasMore: next.hasMore,
          loadingMore: false,
        })
      } catch (error) {
        if (mine !== generation) return
        set({ loadingMore: false, loadMoreError: describeError(error) })
      }
    },

    retry: () => (get().loadMoreError ? get().loadMore() : fetchFirstPage(true)),

    loadScheme: async () => {
      if (get().scheme) return
      try {
        set({ scheme: await getGradeScheme() })
      } catch {
        // The minimum-grade filter simply stays hidden without a scheme.
      }
    },
  }
})
