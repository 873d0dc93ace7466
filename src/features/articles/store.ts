import { create } from 'zustand'
import type { Article, ArticleSummary } from '../../../types/articles'
import { t } from '../../i18n'
import { describeError, statusOf } from '../../services/http'
import * as api from './api'
import type { ArticleFilters } from './api'

type Status = 'idle' | 'loading' | 'ready' | 'error'

export type ArticleListState = {
  status: Status
  items: ArticleSummary[]
  page: number
  total: number
  hasMore: boolean
  loadingMore: boolean
  moreError: string | null
  message: string | null
}

export type ArticleDetailState = { status: 'loading' | 'ready' | 'error'; article: Article | null; message: string | null }

type State = {
  filters: ArticleFilters
  list: ArticleListState
  tags: Array<{ tag: string; count: number }>
  /** The 资讯 tab: pinned articles and the latest few others. */
  overview: { status: Status; pinned: ArticleSummary[]; latest: ArticleSummary[] }
  details: Record<string, ArticleDetailState>
}

type Actions = {
  /** Opens the list: the first page and the tags, unless already loaded. */
  start: () => Promise<void>
  setFilters: (patch: Partial<ArticleFilters>) => Promise<void>
  clearFilters: () => Promise<void>
  loadMore: () => Promise<void>
  loadOverview: () => Promise<void>
  openArticle: (id: string) => Promise<void>
}

export const OVERVIEW_LATEST = 3
const noFilters: ArticleFilters = { tag: null, kind: null, q: '' }
const emptyList: ArticleListState = { status: 'idle', items: [], page: 0, total: 0, hasMore: false, loadingMore: false, moreError: null, message: null }

// Each new query outdates the answers still on their way: a slow answer to an old search must not replace a newer one.
let listGeneration = 0

export const useArticlesStore = create<State & Actions>()((set, get) => {
  const loadFirstPage = async () => {
    listGeneration += 1
    const generation = listGeneration
    set({ list: { ...emptyList, status: 'loading' } })
    try {
      const page = await api.listArticles(get().filters, 1)
      if (generation !== listGeneration) return
      set({ list: { ...emptyList, status: 'ready', items: page.items, page: 1, total: page.total, hasMore: page.hasMore } })
    } catch (error) {
      if (generation !== listGeneration) return
      set({ list: { ...emptyList, status: 'error', message: describeError(error) } })
    }
  }

  return {
    filters: noFilters,
    list: emptyList,
    tags: [],
    overview: { status: 'idle', pinned: [], latest: [] },
    details: {},

    start: async () => {
      const loads: Array<Promise<void>> = []
      if (get().list.status === 'idle' || get().list.status === 'error') loads.push(loadFirstPage())
      if (get().tags.length === 0) {
        loads.push(
          api.listTags().then(
            (tags) => set({ tags: tags.items }),
            () => undefined, // the chips are optional: search and kinds still work
          ),
        )
      }
      await Promise.all(loads)
    },

    setFilters: async (patch) => {
      set({ filters: { ...get().filters, ...patch } })
      await loadFirstPage()
    },

    clearFilters: async () => {
      set({ filters: noFilters })
      await loadFirstPage()
    },

    loadMore: async () => {
      const { list, filters } = get()
      if (list.status !== 'ready' || !list.hasMore || list.loadingMore) return
      const generation = listGeneration
      set({ list: { ...list, loadingMore: true, moreError: null } })
      try {
        const page = await api.listArticles(filters, list.page + 1)
        if (generation !== listGeneration) return
        const known = new Set(list.items.map((item) => item.id))
        const current = get().list
        set({ list: { ...current, items: [...current.items, ...page.items.filter((item) => !known.has(item.id))], page: page.page, total: page.total, hasMore: page.hasMore, loadingMore: false } })
      } catch (error) {
        if (generation !== listGeneration) return
        set({ list: { ...get().list, loadingMore: false, moreError: describeError(error) } })
      }
    },

    loadOverview: async () => {
      if (get().overview.status === 'loading') return
      set({ overview: { ...get().overview, status: get().overview.status === 'ready' ? 'ready' : 'loading' } })
      try {
        // The BFF lists pinned articles first, then the newest.
        const page = await api.listArticles(noFilters, 1, 10)
        const pinned = page.items.filter((item) => item.pinned)
        const latest = page.items.filter((item) => !item.pinned).slice(0, OVERVIEW_LATEST)
        set({ overview: { status: 'ready', pinned, latest } })
      } catch {
        set({ overview: { ...get().overview, status: get().overview.status === 'ready' ? 'ready' : 'error' } })
      }
    },

    openArticle: async (id) => {
      const known = get().details[id]
      set({ details: { ...get().details, [id]: { status: known?.article ? 'ready' : 'loading', article: known?.article ?? null, message: null } } })
      try {
        const article = await api.getArticle(id)
        set({ details: { ...get().details, [id]: { status: 'ready', article, message: null } } })
      } catch (error) {
        const message = statusOf(error) === 404 ? t('articles.notFound') : describeError(error)
        set({ details: { ...get().details, [id]: { status: 'error', article: known?.article ?? null, message } } })
      }
    },
  }
})
