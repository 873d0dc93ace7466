import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { ComplaintCategory, FiledComplaint } from '../../../types/complaints'
import { taroStorage } from '../../services/storage'

/** 本机提交的投诉: what an anonymous reporter needs to open a complaint again on this device. */
export type LocalComplaint = FiledComplaint & { category: ComplaintCategory; subject: string }

type State = { items: LocalComplaint[] }
type Actions = {
  remember: (item: LocalComplaint) => void
  find: (trackingNumber: string) => LocalComplaint | undefined
}

const MAX_ITEMS = 50

export const useLocalComplaints = create<State & Actions>()(
  persist(
    (set, get) => ({
      items: [],
      remember: (item) => set({ items: [item, ...get().items.filter((i) => i.trackingNumber !== item.trackingNumber)].slice(0, MAX_ITEMS) }),
      find: (trackingNumber) => get().items.find((i) => i.trackingNumber === trackingNumber),
    }),
    { name: 'jilin-tuoyu/complaints-filed', storage: taroStorage, version: 1, partialize: (state) => ({ items: state.items }) },
  ),
)
