import { create } from 'zustand'
import type { Bulletin, BulletinSummary } from '../../../types/bulletins'
import { t } from '../../i18n'
import { describeError, statusOf } from '../../services/http'
import * as api from './api'

type Status = 'idle' | 'loading' | 'ready' | 'error'

export type BulletinListState = {
  status: Status
  items: BulletinSummary[]
  page: number
  total: number
  hasMore: boolean
  loadingMore: boolean
  message: string | null
}

type State = {
  cityCode: string | null
  list: BulletinListState
  /** The newest bulletin, for the 资讯 tab. */
  latest: { status: Status; bulletin: BulletinSummary | null }
  details: Record<string, { status: 'loading' | 'ready' | 'error'; bulletin: Bulletin | null; message: string | null }>
}

type Actions = {
  start: () => Promise<void>
  setCity: (cityCode: string | null) => Promise<void>
  loadMore: () => Promise<void>
  loadLatest: () => Promise<void>
  openBulletin: (id: string) => Promise<void>
}

const emptyList: BulletinListState = { status: 'idle', items: [], page: 0, total: 0, hasMore: false, loadingMore: false, message: null }
let listGeneration = 0

export const useBulletinsStore = create<State & Actions>()((set, get) => {
  const loadFirstPage = async () => {
    listGeneration += 1
    const generation = listGeneration
    set({ list: { ...emptyList, status: 'loading' } })
    try {
      const page = await api.listBulletins(get().cityCode, 1)
      if (generation !== listGeneration) return
      set({ list: { ...emptyList, status: 'ready', items: page.items, page: 1, total: page.total, hasMore: page.hasMore } })
    } catch (error) {
      if (generation === listGeneration) set({ list: { ...emptyList, status: 'error', message: describeError(error) } })
    }
  }

  return {
    cityCode: null,
    list: emptyList,
    latest: { status: 'idle', bulletin: null },
    details: {},

    start: async () => {
      if (get().list.status === 'idle' || get().list.status === 'error') await loadFirstPage()
    },

    setCity: async (cityCode) => {
      set({ cityCode })
      await loadFirstPage()
    },

    loadMore: async () => {
      const { list, cityCode } = get()
      if (list.status !== 'ready' || !list.hasMore || list.loadingMore) return
      const generation = listGeneration
      set({ list: { ...list, loadingMore: true } })
      try {
        const page = await api.listBulletins(cityCode, list.page + 1)
        if (generation !== listGeneration) return
        const current = get().list
        const known = new Set(current.items.map((item) => item.id))
        set({ list: { ...current, items: [...current.items, ...page.items.filter((item) => !known.has(item.id))], page: list.page + 1, total: page.total, hasMore: page.hasMore, loadingMore: false } })
      } catch {
        if (generation === listGeneration) set({ list: { ...get().list, loadingMore: false } })
      }
    },

    loadLatest: async () => {
      if (get().latest.status === 'loading') return
      set({ latest: { ...get().latest, status: get().latest.status === 'ready' ? 'ready' : 'loading' } })
      try {
        const page = await api.listBulletins(null, 1, 1)
        set({ latest: { status: 'ready', bulletin: page.items[0] ?? null } })
      } catch {
        set({ latest: { ...get().latest, status: get().latest.status === 'ready' ? 'ready' : 'error' } })
      }
    },

    openBulletin: async (id) => {
      const known = get().details[id]
      set({ details: { ...get().details, [id]: { status: known?.bulletin ? 'ready' : 'loading', bulletin: known?.bulletin ?? null, message: null } } })
      try {
        const bulletin = await api.getBulletin(id)
        set({ details: { ...get().details, [id]: { status: 'ready', bulletin, message: null } } })
      } catch (error) {
        const message = statusOf(error) === 404 ? t('bulletins.notFound') : describeError(error)
        set({ details: { ...get().details, [id]: { status: 'error', bulletin: known?.bulletin ?? null, message } } })
      }
    },
  }
})
