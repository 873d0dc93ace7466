import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { taroStorage } from '../../services/storage'

type State = {
  /** 'YYYY-MM' of a child the parent has not saved to an account: kept on this device only. */
  birthMonth: string | null
}

type Actions = {
  setBirthMonth: (birthMonth: string) => void
  forget: () => void
}

export const useSubsidyStore = create<State & Actions>()(
  persist(
    (set) => ({
      birthMonth: null,
      setBirthMonth: (birthMonth) => set({ birthMonth }),
      forget: () => set({ birthMonth: null }),
    }),
    {
      name: 'jilin-tuoyu/subsidy-birth-month',
      storage: taroStorage,
      version: 1,
      partialize: (state) => ({ birthMonth: state.birthMonth }),
    },
  ),
)
