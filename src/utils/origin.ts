/** Where the parent is searching from: the device's (fuzzy) position, or a region they picked. */
export type Origin = { kind: 'device'; lat: number; lng: number } | { kind: 'region'; code: string; name: string; lat: number; lng: number }

export type OriginQuery = { lat?: number; lng?: number; region?: string }

/** With a device position the API sorts by distance; with a region it filters by region and sorts by grade. */
export function originToQuery(origin: Origin | null): OriginQuery {
  if (!origin) return {}
  if (origin.kind === 'device') return { lat: origin.lat, lng: origin.lng }
  return { region: origin.code }
}
