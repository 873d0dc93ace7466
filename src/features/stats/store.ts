import { create } from 'zustand'
import type { RegionFigures, Stats } from '../../../types/stats'

export const PROVINCE_CODE = '220000'

/** 220000 for the province, or a 市州 code: switching is instant, every region comes in one answer. */
type State = { regionCode: string }
type Actions = { selectRegion: (code: string) => void }

export const useStatsStore = create<State & Actions>()((set) => ({
  regionCode: PROVINCE_CODE,
  selectRegion: (code) => set({ regionCode: code }),
}))

export function figuresOf(stats: Stats | null | undefined, regionCode: string): RegionFigures | null {
  if (!stats) return null
  if (regionCode === stats.province.regionCode) return stats.province
  return stats.cities.find((city) => city.regionCode === regionCode) ?? stats.province
}
