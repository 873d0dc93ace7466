import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { taroStorage } from '../../services/storage'
import type { Origin } from '../../utils/origin'
import { getDevicePosition, LocationError, openLocationSetting, type LocationFailure } from './device-location'

export type RegionOrigin = Extract<Origin, { kind: 'region' }>

type State = {
  status: 'idle' | 'locating' | 'settled'
  origin: Origin | null
  failure: LocationFailure | null
  /** The last region picked by hand; used again when the device position is unavailable. */
  savedRegion: RegionOrigin | null
  pickerOpen: boolean
}

type Actions = {
  start: () => Promise<void>
  locate: () => Promise<void>
  /** Only from a tap (WeChat's rule): WeChat's settings page, then the position again if they allowed it there. */
  openSetting: () => void
  chooseRegion: (region: RegionOrigin) => void
  openPicker: () => void
  closePicker: () => void
}

const initialState: State = {
  status: 'idle',
  origin: null,
  failure: null,
  savedRegion: null,
  pickerOpen: false,
}

export const useLocationStore = create<State & Actions>()(
  persist(
    (set, get) => ({
      ...initialState,

      start: async () => {
        if (get().status !== 'idle') return
        await get().locate()
      },

      locate: async () => {
        set({ status: 'locating' })
        try {
          const { lat, lng } = await getDevicePosition()
          set({ status: 'settled', origin: { kind: 'device', lat, lng }, failure: null, pickerOpen: false })
        } catch (error) {
          const failure = error instanceof LocationError ? error.reason : 'failed'
          const fallback = get().origin?.kind === 'region' ? get().origin : get().savedRegion
          set({ status: 'settled', failure, origin: fallback, pickerOpen: fallback === null })
        }
      },

      openSetting: () => {
        void openLocationSetting().then((allowed) => {
          if (allowed) void get().locate()
        })
      },

      chooseRegion: (region) => set({ origin: region, savedRegion: region, pickerOpen: false, status: 'settled' }),

      openPicker: () => set({ pickerOpen: true }),

      closePicker: () => set({ pickerOpen: false }),
    }),
    {
      name: 'jilin-tuoyu/location',
      storage: taroStorage,
      version: 1,
      partialize: (state) => ({ savedRegion: state.savedRegion }),
    },
  ),
)

export const useOrigin = () => useLocationStore((s) => s.origin)
