import { create } from 'zustand'
import type { GuidanceRequest, GuidanceRequestInput } from '../../../types/guidance'
import { describeError, statusOf } from '../../services/http'
import { onSessionChange } from '../../services/session'
import * as api from './api'

type Status = 'idle' | 'loading' | 'ready' | 'error'

export type ListState = { status: Status; items: GuidanceRequest[]; message: string | null }
export type DetailState = { status: 'loading' | 'ready' | 'error' | 'notFound'; item: GuidanceRequest | null; message: string | null }

type State = { list: ListState; details: Record<string, DetailState> }

type Actions = {
  loadList: () => Promise<void>
  open: (id: string) => Promise<void>
  /** Throws what the BFF refused (a 400 names the field). */
  create: (input: GuidanceRequestInput) => Promise<GuidanceRequest>
  cancel: (id: string) => Promise<GuidanceRequest>
  reset: () => void
}

const initialState: State = { list: { status: 'idle', items: [], message: null }, details: {} }

export const useGuidanceStore = create<State & Actions>()((set, get) => {
  /** One request changed: the detail and its line in the list follow. */
  function remember(item: GuidanceRequest) {
    const { list } = get()
    const known = list.items.some((r) => r.id === item.id)
    set({
      details: { ...get().details, [item.id]: { status: 'ready', item, message: null } },
      list: { ...list, items: known ? list.items.map((r) => (r.id === item.id ? item : r)) : [item, ...list.items] },
    })
  }

  return {
    ...initialState,

    loadList: async () => {
      const { list } = get()
      set({ list: { ...list, status: list.status === 'ready' ? 'ready' : 'loading', message: null } })
      try {
        set({ list: { status: 'ready', items: await api.listRequests(), message: null } })
      } catch (error) {
        set({ list: { ...get().list, status: 'error', message: describeError(error) } })
      }
    },

    open: async (id) => {
      const known = get().details[id]?.item ?? null
      set({ details: { ...get().details, [id]: { status: known ? 'ready' : 'loading', item: known, message: null } } })
      try {
        remember(await api.getRequest(id))
      } catch (error) {
        // Another parent's request answers 404 just like one that does not exist.
        const status = statusOf(error) === 404 ? 'notFound' : 'error'
        set({ details: { ...get().details, [id]: { status, item: known, message: describeError(error) } } })
      }
    },

    create: async (input) => {
      const created = await api.createRequest(input)
      remember(created)
      return created
    },

    cancel: async (id) => {
      const cancelled = await api.cancelRequest(id)
      remember(cancelled)
      return cancelled
    },

    reset: () => set({ ...initialState }),
  }
})

// Another parent may sign in on this device next: forget this account's requests.
onSessionChange(() => useGuidanceStore.getState().reset())
