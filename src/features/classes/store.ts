import { create } from 'zustand'
import type { MessageTemplates, ParentingClass, ParentingClassDetail, SignUp } from '../../../types/classes'
import { describeError, statusOf } from '../../services/http'
import { onSessionChange } from '../../services/session'
import type { Origin } from '../../utils/origin'
import * as api from './api'
import { buildClassQuery, emptyFilters, type ClassFilters } from './filters'
import { isLive } from './format'
import { requestClassMessages } from './subscribe'

export const PAGE_SIZE = 10

type ListStatus = 'idle' | 'loading' | 'ready' | 'error'

export type DetailState = { status: 'loading' | 'ready' | 'error' | 'notFound'; item: ParentingClassDetail | null; message: string | null }
export type MySignUpsState = { status: ListStatus; upcoming: SignUp[]; past: SignUp[]; message: string | null }

type State = {
  origin: Origin | null
  filters: ClassFilters
  items: ParentingClass[]
  total: number
  page: number
  hasMore: boolean
  status: ListStatus
  error: string | null
  loadingMore: boolean
  loadMoreError: string | null
  details: Record<string, DetailState>
  templates: MessageTemplates | null
  mine: MySignUpsState
}

type Actions = {
  setOrigin: (origin: Origin) => Promise<void>
  setFilters: (patch: Partial<ClassFilters>) => Promise<void>
  clearFilters: () => Promise<void>
  refresh: () => Promise<void>
  loadMore: () => Promise<void>
  retry: () => Promise<void>
  openClass: (id: string) => Promise<void>
  loadTemplates: () => Promise<void>
  /** Asks for WeChat messages first (never blocking), then signs up. Throws what the BFF refused. */
  signUp: (classId: string, childId: string | null) => Promise<SignUp>
  loadMySignUps: () => Promise<void>
  cancel: (signUp: Pick<SignUp, 'id'> & { classId: string }) => Promise<SignUp>
  reset: () => void
}

const initialState: State = {
  origin: null,
  filters: emptyFilters,
  items: [],
  total: 0,
  page: 0,
  hasMore: false,
  status: 'idle',
  error: null,
  loadingMore: false,
  loadMoreError: null,
  details: {},
  templates: null,
  mine: { status: 'idle', upcoming: [], past: [], message: null },
}

// Every new first-page query bumps this, so answers to superseded queries are dropped.
let generation = 0

/** Upcoming soonest first; past newest first (as the BFF orders them), kept when the app moves a sign-up itself. */
function sortMine(upcoming: SignUp[], past: SignUp[]) {
  return {
    upcoming: [...upcoming].sort((a, b) => a.class.startsAt.localeCompare(b.class.startsAt)),
    past: [...past].sort((a, b) => b.class.startsAt.localeCompare(a.class.startsAt)),
  }
}

export const useClassesStore = create<State & Actions>()((set, get) => {
  async function fetchFirstPage(showSpinner: boolean): Promise<void> {
    const { origin, filters } = get()
    if (!origin) return
    const mine = ++generation
    set(showSpinner ? { status: 'loading', error: null, items: [], loadMoreError: null } : { error: null, loadMoreError: null })
    try {
      const page = await api.searchClasses(buildClassQuery(origin, filters, 1, PAGE_SIZE))
      if (mine !== generation) return
      set({ status: 'ready', items: page.items, total: page.total, page: page.page, hasMore: page.hasMore, loadingMore: false })
    } catch (error) {
      if (mine !== generation) return
      set({ status: 'error', error: describeError(error), items: [], loadingMore: false })
    }
  }

  function setDetail(id: string, patch: Partial<DetailState>) {
    const current = get().details[id] ?? { status: 'loading', item: null, message: null }
    set({ details: { ...get().details, [id]: { ...current, ...patch } } })
  }

  return {
    ...initialState,

    setOrigin: async (origin) => {
      set({ origin })
      await fetchFirstPage(true)
    },

    setFilters: async (patch) => {
      set({ filters: { ...get().filters, ...patch } })
      await fetchFirstPage(true)
    },

    clearFilters: async () => {
      set({ filters: emptyFilters })
      await fetchFirstPage(true)
    },

    refresh: () => fetchFirstPage(false),

    loadMore: async () => {
      const { origin, filters, page, hasMore, loadingMore, status } = get()
      if (!origin || !hasMore || loadingMore || status !== 'ready') return
      const mine = generation
      set({ loadingMore: true, loadMoreError: null })
      try {
        const next = await api.searchClasses(buildClassQuery(origin, filters, page + 1, PAGE_SIZE))
        if (mine !== generation) return
        const known = new Set(get().items.map((item) => item.id))
        set({ items: [...get().items, ...next.items.filter((item) => !known.has(item.id))], page: next.page, total: next.total, hasMore: next.hasMore, loadingMore: false })
      } catch (error) {
        if (mine !== generation) return
        set({ loadingMore: false, loadMoreError: describeError(error) })
      }
    },

    retry: () => (get().loadMoreError ? get().loadMore() : fetchFirstPage(true)),

    openClass: async (id) => {
      const known = get().details[id]?.item ?? null
      setDetail(id, { status: known ? 'ready' : 'loading', item: known, message: null })
      try {
        setDetail(id, { status: 'ready', item: await api.getClass(id), message: null })
      } catch (error) {
        setDetail(id, { status: statusOf(error) === 404 ? 'notFound' : 'error', item: known, message: describeError(error) })
      }
    },

    loadTemplates: async () => {
      if (get().templates) return
      try {
        set({ templates: await api.getMessageTemplates() })
      } catch {
        // No templates: the parent simply is not asked for WeChat messages.
      }
    },

    signUp: async (classId, childId) => {
      const item = get().details[classId]?.item
      const subscribed = await requestClassMessages(get().templates, item ? item.seatsLeft <= 0 : false)
      const signUp = await api.signUp(classId, { childId, subscribed })
      const detail = get().details[classId]
      if (detail?.item) setDetail(classId, { item: { ...detail.item, mySignUp: { id: signUp.id, status: signUp.status, waitingPosition: signUp.waitingPosition } } })
      // Seats, waiting count and (online, confirmed) the join link changed: take the BFF's view.
      void get().openClass(classId)
      return signUp
    },

    loadMySignUps: async () => {
      const mine = get().mine
      set({ mine: { ...mine, status: mine.status === 'ready' ? 'ready' : 'loading', message: null } })
      try {
        const { upcoming, past } = await api.listMySignUps()
        set({ mine: { status: 'ready', upcoming, past, message: null } })
      } catch (error) {
        set({ mine: { ...get().mine, status: 'error', message: describeError(error) } })
      }
    },

    cancel: async ({ id, classId }) => {
      const cancelled = await api.cancelSignUp(id)
      const { upcoming, past, ...rest } = get().mine
      const stillUpcoming = upcoming.filter((s) => s.id !== id)
      const moved = isLive(cancelled) ? [] : [cancelled]
      set({ mine: { ...rest, ...sortMine(stillUpcoming, [...moved, ...past.filter((s) => s.id !== id)]) } })
      const detail = get().details[classId]
      if (detail?.item) setDetail(classId, { item: { ...detail.item, mySignUp: null, onlineUrl: null } })
      void get().openClass(classId)
      return cancelled
    },

    reset: () => set({ details: {}, mine: initialState.mine }),
  }
})

// Another parent may sign in on this device next: forget this account's sign-ups.
onSessionChange(() => useClassesStore.getState().reset())
