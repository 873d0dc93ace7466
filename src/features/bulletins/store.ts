import { create } from 'zustand'

/** Which 市州 the parent looks at (null: all); the bulletins themselves are server data (queries.ts). */
type State = { cityCode: string | null }
type Actions = { setCity: (cityCode: string | null) => void }

export const useBulletinsStore = create<State & Actions>()((set) => ({
  cityCode: null,
  setCity: (cityCode) => set({ cityCode }),
}))
