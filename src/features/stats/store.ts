import { create } from 'zustand'
import type { RegionFigures, Stats } from '../../../types/stats'
import { describeError } from '../../services/http'
import { getStats } from './api'

export const PROVINCE_CODE = '220000'

type State = {
  status: 'idle' | 'loading' | 'ready' | 'error'
  stats: Stats | null
  message: string | null
  /** 220000 for the province, or a 市州 code. */
  regionCode: string
}

type Actions = {
  /** Fetches once: switching region afterwards is instant. */
  load: () => Promise<void>
  reload: () => Promise<void>
  selectRegion: (code: string) => void
}

export const useStatsStore = create<State & Actions>()((set, get) => ({
  status: 'idle',
  stats: null,
  message: null,
  regionCode: PROVINCE_CODE,

  load: async () => {
    if (get().status === 'ready' || get().status === 'loading') return
    await get().reload()
  },

  reload: async () => {
    set({ status: 'loading', message: null })
    try {
      set({ status: 'ready', stats: await getStats() })
    } catch (error) {
      set({ status: 'error', message: describeError(error) })
    }
  },

  selectRegion: (code) => set({ regionCode: code }),
}))

export function figuresOf(stats: Stats | null, regionCode: string): RegionFigures | null {
  if (!stats) return null
  if (regionCode === stats.province.regionCode) return stats.province
  return stats.cities.find((city) => city.regionCode === regionCode) ?? stats.province
}

export const useSelectedFigures = () => useStatsStore((s) => figuresOf(s.stats, s.regionCode))
