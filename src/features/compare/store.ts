import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { taroStorage } from '../../services/storage'

export const MAX_COMPARE = 4
export const MIN_COMPARE = 2

export type CompareCandidate = { id: string; name: string }

type State = { candidates: CompareCandidate[] }
type Actions = {
  /** false when the tray is already full. */
  add: (candidate: CompareCandidate) => boolean
  remove: (id: string) => void
  clear: () => void
}

export const useCompareStore = create<State & Actions>()(
  persist(
    (set, get) => ({
      candidates: [],
      add: (candidate) => {
        const { candidates } = get()
        if (candidates.some((c) => c.id === candidate.id)) return true
        if (candidates.length >= MAX_COMPARE) return false
        set({ candidates: [...candidates, { id: candidate.id, name: candidate.name }] })
        return true
      },
      remove: (id) => set({ candidates: get().candidates.filter((c) => c.id !== id) }),
      clear: () => set({ candidates: [] }),
    }),
    { name: 'jilin-tuoyu/compare', storage: taroStorage, version: 1 },
  ),
)

export const useInCompare = (id: string) => useCompareStore((s) => s.candidates.some((c) => c.id === id))
