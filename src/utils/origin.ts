/** Where the parent is searching from: the device's (fuzzy) position, or a region they picked. */
export type Origin = { kind: 'device'; lat: number; lng: number } | { kind: 'region'; code: string; name: string; lat: number; lng: number }

export type OriginQuery = { lat?: number; lng?: number; region?: string }

/** With a device position the API sorts by distance; with a region it filters by region and sorts by grade. */
export function originToQuery(origin: Origin | null): OriginQuery {
  if (!origin) return {}
  if (origin.kind === 'device') return { lat: origin.lat, lng: origin.lng }
  return { region: origin.code }
}

/**
 * The 市州 of a region the parent picked (a 市州, or a district inside it: the first four digits and 00, also for the
 * 229x codes of 长白山 and 长春新区); null when only a device position is known.
 */
export function cityCodeOf(origin: Origin | null): string | null {
  if (origin?.kind !== 'region' || !/^[0-9]{6}$/.test(origin.code)) return null
  return `${origin.code.slice(0, 4)}00`
}
