/** A map area in GCJ-02 degrees, the registry's datum: what 搜索此区域 searches (the API's `bbox`). */
export type MapArea = { west: number; south: number; east: number; north: number }

const ROUND = 1e5 // about a metre: enough for a search area, and one cache key per area instead of one per pixel

const round = (degrees: number) => Math.round(degrees * ROUND) / ROUND

/** The API's `bbox` parameter, "west,south,east,north". */
export function toBbox({ west, south, east, north }: MapArea): string {
  return [west, south, east, north].map(round).join(',')
}
