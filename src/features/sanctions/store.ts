import { create } from 'zustand'
import type { PublicSanction } from '../../../types/sanctions'
import { describeError } from '../../services/http'
import * as api from './api'
import type { SanctionFilters } from './api'

type State = {
  filters: SanctionFilters
  status: 'idle' | 'loading' | 'ready' | 'error'
  items: PublicSanction[]
  page: number
  total: number
  hasMore: boolean
  loadingMore: boolean
  message: string | null
}

type Actions = {
  start: () => Promise<void>
  setFilters: (patch: Partial<SanctionFilters>) => Promise<void>
  loadMore: () => Promise<void>
}

const emptyPage = { items: [] as PublicSanction[], page: 0, total: 0, hasMore: false, loadingMore: false, message: null }
let generation = 0

export const useSanctionsStore = create<State & Actions>()((set, get) => {
  const loadFirstPage = async () => {
    generation += 1
    const mine = generation
    set({ ...emptyPage, status: 'loading' })
    try {
      const page = await api.listSanctions(get().filters, 1)
      if (mine === generation) set({ status: 'ready', items: page.items, page: 1, total: page.total, hasMore: page.hasMore })
    } catch (error) {
      if (mine === generation) set({ status: 'error', message: describeError(error) })
    }
  }

  return {
    filters: { cityCode: null, kind: null },
    status: 'idle',
    ...emptyPage,

    start: async () => {
      if (get().status === 'idle' || get().status === 'error') await loadFirstPage()
    },

    setFilters: async (patch) => {
      set({ filters: { ...get().filters, ...patch } })
      await loadFirstPage()
    },

    loadMore: async () => {
      const { status, hasMore, loadingMore, filters, page, items } = get()
      if (status !== 'ready' || !hasMore || loadingMore) return
      const mine = generation
      set({ loadingMore: true })
      try {
        const next = await api.listSanctions(filters, page + 1)
        if (mine === generation) set({ items: [...items, ...next.items], page: page + 1, total: next.total, hasMore: next.hasMore, loadingMore: false })
      } catch {
        if (mine === generation) set({ loadingMore: false })
      }
    },
  }
})
