import Taro from '@tarojs/taro'
import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { InstitutionSummary } from '../../../types/institutions'
import { t } from '../../i18n'
import { hasSession } from '../../services/http'
import { taroStorage } from '../../services/storage'
import { deleteFavourite, getInstitutionSnapshot, mergeFavouriteIds, putFavourite } from './api'

/** A snapshot of the card as it was when saved, so the list shows without a network round trip. */
export type Favourite = { institution: InstitutionSummary; savedAt: string }

type State = { favourites: Favourite[] }
type Actions = {
  toggle: (institution: InstitutionSummary) => void
  remove: (id: string) => void
  /** At sign-in: send the ids saved on this device, take the account's list back (fetching cards saved elsewhere). */
  mergeWithAccount: () => Promise<void>
  clear: () => void
}

// The distance was measured from wherever the parent was at the time; it would mislead later.
const snapshot = (institution: InstitutionSummary): Favourite => ({ institution: { ...institution, distanceKm: null }, savedAt: new Date().toISOString() })

export const useFavouritesStore = create<State & Actions>()(
  persist(
    (set, get) => {
      /** Signed in: mirror the change to the account; put the list back if that fails. */
      function syncChange(before: Favourite[], request: () => Promise<void>) {
        if (!hasSession()) return
        request().catch(() => {
          set({ favourites: before })
          void Taro.showToast({ title: t('favourites.syncFailed'), icon: 'none' })
        })
      }

      return {
        favourites: [],
        toggle: (institution) => {
          const before = get().favourites
          if (before.some((f) => f.institution.id === institution.id)) {
            set({ favourites: before.filter((f) => f.institution.id !== institution.id) })
            syncChange(before, () => deleteFavourite(institution.id))
          } else {
            set({ favourites: [snapshot(institution), ...before] })
            syncChange(before, () => putFavourite(institution.id))
          }
        },
        remove: (id) => {
          const before = get().favourites
          set({ favourites: before.filter((f) => f.institution.id !== id) })
          syncChange(before, () => deleteFavourite(id))
        },
        mergeWithAccount: async () => {
          const local = get().favourites
          const ids = await mergeFavouriteIds(local.map((f) => f.institution.id).slice(0, 200))
          const known = new Map(get().favourites.map((f) => [f.institution.id, f]))
          const missing = ids.filter((id) => !known.has(id))
          const fetched = await Promise.all(missing.map((id) => getInstitutionSnapshot(id).then(snapshot, () => null)))
          fetched.forEach((favourite) => favourite && known.set(favourite.institution.id, favourite))
          // The account is the truth: keep this device's order for what it already had, then add the rest.
          const here = get().favourites.filter((f) => ids.includes(f.institution.id))
          const elsewhere = ids.filter((id) => !here.some((f) => f.institution.id === id)).flatMap((id) => known.get(id) ?? [])
          set({ favourites: [...here, ...elsewhere] })
        },
        clear: () => set({ favourites: [] }),
      }
    },
    { name: 'jilin-tuoyu/favourites', storage: taroStorage, version: 1, partialize: (state) => ({ favourites: state.favourites }) },
  ),
)

export const useIsFavourite = (id: string) => useFavouritesStore((s) => s.favourites.some((f) => f.institution.id === id))
