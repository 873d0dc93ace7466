import { create } from 'zustand'
import type { CommitteeNotice, Notice, NoticeEdit, NoticeInput } from '../../../types/notices'
import { describeError, statusOf } from '../../services/http'
import { onSessionChange } from '../../services/session'
import * as api from './api'
import { applyTabBadge } from './badge'

type Status = 'idle' | 'loading' | 'ready' | 'error' | 'notLinked'

export type ParentList = { status: Status; items: Notice[]; unread: number; message: string | null }
export type CommitteeList = { status: Status; items: CommitteeNotice[]; message: string | null }
export type DetailState = { status: 'loading' | 'ready' | 'error'; notice: Notice | null; message: string | null }

type State = {
  lists: Record<string, ParentList>
  committee: Record<string, CommitteeList>
  details: Record<string, DetailState>
  /** Total unread over the linked institutions (the 我的 tab badge) and per institution. */
  unread: number
  byInstitution: Record<string, number>
  reported: Record<string, true>
}

type Actions = {
  loadList: (institutionId: string) => Promise<void>
  loadCommittee: (institutionId: string) => Promise<void>
  /** Fetches the notice, which marks it read: the list and the counts follow. */
  openNotice: (id: string) => Promise<void>
  refreshUnread: () => Promise<void>
  /** 'reported', or 'already' when the parent had reported it before (409). Throws on other failures. */
  report: (id: string, reason: string) => Promise<'reported' | 'already'>
  publish: (institutionId: string, input: NoticeInput) => Promise<CommitteeNotice>
  update: (id: string, institutionId: string, input: NoticeEdit) => Promise<CommitteeNotice>
  withdraw: (id: string, institutionId: string) => Promise<void>
  reset: () => void
}

const initialState: State = { lists: {}, committee: {}, details: {}, unread: 0, byInstitution: {}, reported: {} }
const emptyList: ParentList = { status: 'idle', items: [], unread: 0, message: null }
const emptyCommittee: CommitteeList = { status: 'idle', items: [], message: null }

/** Pinned first, then newest: the order the BFF gives, kept when the app changes the list itself. */
export function sortNotices<T extends Notice>(items: T[]): T[] {
  return [...items].sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.postedAt.localeCompare(a.postedAt))
}

export const useNoticesStore = create<State & Actions>()((set, get) => ({
  ...initialState,

  loadList: async (institutionId) => {
    const current = get().lists[institutionId] ?? emptyList
    set({ lists: { ...get().lists, [institutionId]: { ...current, status: current.status === 'ready' ? 'ready' : 'loading' } } })
    try {
      const list = await api.listNotices(institutionId)
      set({
        lists: { ...get().lists, [institutionId]: { status: 'ready', items: list.items, unread: list.unread, message: null } },
        byInstitution: { ...get().byInstitution, [institutionId]: list.unread },
      })
    } catch (error) {
      const status = statusOf(error) === 404 ? 'notLinked' : 'error'
      set({ lists: { ...get().lists, [institutionId]: { ...emptyList, status, message: describeError(error) } } })
    }
  },

  loadCommittee: async (institutionId) => {
    const current = get().committee[institutionId] ?? emptyCommittee
    set({ committee: { ...get().committee, [institutionId]: { ...current, status: current.status === 'ready' ? 'ready' : 'loading' } } })
    try {
      const items = await api.listCommitteeNotices(institutionId)
      set({ committee: { ...get().committee, [institutionId]: { status: 'ready', items, message: null } } })
    } catch (error) {
      set({ committee: { ...get().committee, [institutionId]: { ...current, status: 'error', message: describeError(error) } } })
    }
  },

  openNotice: async (id) => {
    const known = get().details[id]
    set({ details: { ...get().details, [id]: { status: known?.notice ? 'ready' : 'loading', notice: known?.notice ?? null, message: null } } })
    try {
      const notice = await api.getNotice(id)
      set({ details: { ...get().details, [id]: { status: 'ready', notice: { ...notice, read: true }, message: null } } })
      const list = get().lists[notice.institutionId]
      const wasUnread = list?.items.some((item) => item.id === id && !item.read) ?? !notice.read
      if (list) {
        set({
          lists: {
            ...get().lists,
            [notice.institutionId]: { ...list, items: list.items.map((item) => (item.id === id ? { ...item, read: true } : item)), unread: Math.max(0, list.unread - (wasUnread ? 1 : 0)) },
          },
        })
      }
      if (wasUnread) {
        // Show the drop at once, then take the server's count.
        const byInstitution = { ...get().byInstitution, [notice.institutionId]: Math.max(0, (get().byInstitution[notice.institutionId] ?? 1) - 1) }
        const unread = Math.max(0, get().unread - 1)
        set({ unread, byInstitution })
        applyTabBadge(unread)
        await get().refreshUnread()
      }
    } catch (error) {
      set({ details: { ...get().details, [id]: { status: 'error', notice: known?.notice ?? null, message: describeError(error) } } })
    }
  },

  refreshUnread: async () => {
    try {
      const counts = await api.getUnread()
      set({ unread: counts.unread, byInstitution: Object.fromEntries(counts.byInstitution.map((item) => [item.institutionId, item.unread])) })
      applyTabBadge(counts.unread)
    } catch {
      // keep the last count; the next show tries again
    }
  },

  report: async (id, reason) => {
    try {
      await api.reportNotice(id, reason)
      set({ reported: { ...get().reported, [id]: true } })
      return 'reported'
    } catch (error) {
      if (statusOf(error) !== 409) throw error
      set({ reported: { ...get().reported, [id]: true } })
      return 'already'
    }
  },

  publish: async (institutionId, input) => {
    const created = await api.createNotice(institutionId, input)
    const list = get().committee[institutionId]
    if (list) set({ committee: { ...get().committee, [institutionId]: { ...list, items: sortNotices([created, ...list.items.filter((n) => n.id !== created.id)]) } } })
    return created
  },

  update: async (id, institutionId, input) => {
    const updated = await api.updateNotice(id, input)
    const list = get().committee[institutionId]
    if (list) set({ committee: { ...get().committee, [institutionId]: { ...list, items: sortNotices(list.items.map((n) => (n.id === id ? updated : n))) } } })
    const detail = get().details[id]
    if (detail?.notice) set({ details: { ...get().details, [id]: { ...detail, notice: { ...detail.notice, ...updated, read: true } } } })
    return updated
  },

  withdraw: async (id, institutionId) => {
    await api.withdrawNotice(id)
    const list = get().committee[institutionId]
    if (list) set({ committee: { ...get().committee, [institutionId]: { ...list, items: list.items.map((n) => (n.id === id ? { ...n, status: 'withdrawn' as const } : n)) } } })
  },

  reset: () => {
    set({ ...initialState })
    applyTabBadge(0)
  },
}))

// Another parent may sign in on this device next: forget this account's notices and the badge.
onSessionChange((event) => {
  if (event.type === 'signedOut') useNoticesStore.getState().reset()
})
