import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { InstitutionSummary } from '../../../types/institutions'
import { taroStorage } from '../../services/storage'

/** A snapshot of the card as it was when saved, so the list shows without a network round trip. */
export type Favourite = { institution: InstitutionSummary; savedAt: string }

type State = { favourites: Favourite[] }
type Actions = {
  toggle: (institution: InstitutionSummary) => void
  remove: (id: string) => void
}

export const useFavouritesStore = create<State & Actions>()(
  persist(
    (set, get) => ({
      favourites: [],
      toggle: (institution) => {
        const { favourites } = get()
        if (favourites.some((f) => f.institution.id === institution.id)) {
          set({ favourites: favourites.filter((f) => f.institution.id !== institution.id) })
        } else {
          // The distance was measured from wherever the parent was at the time; it would mislead later.
          set({ favourites: [{ institution: { ...institution, distanceKm: null }, savedAt: new Date().toISOString() }, ...favourites] })
        }
      },
      remove: (id) => set({ favourites: get().favourites.filter((f) => f.institution.id !== id) }),
    }),
    { name: 'jilin-tuoyu/favourites', storage: taroStorage, version: 1 },
  ),
)

export const useIsFavourite = (id: string) => useFavouritesStore((s) => s.favourites.some((f) => f.institution.id === id))
