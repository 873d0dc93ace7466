import { create } from 'zustand'
import type { ArticleFilters } from './api'

/** What the parent searches for; the articles themselves are server data (queries.ts). */
type State = { filters: ArticleFilters }
type Actions = { setFilters: (patch: Partial<ArticleFilters>) => void; clearFilters: () => void }

export const noFilters: ArticleFilters = { tag: null, kind: null, q: '' }

export const useArticlesStore = create<State & Actions>()((set, get) => ({
  filters: noFilters,
  setFilters: (patch) => set({ filters: { ...get().filters, ...patch } }),
  clearFilters: () => set({ filters: noFilters }),
}))
