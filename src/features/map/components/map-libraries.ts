import type * as Leaflet from 'leaflet'
import type Supercluster from 'supercluster'
import type { MapCanvas } from './map-canvas'

export type MapLibraries = { L: typeof Leaflet; Supercluster: typeof Supercluster }
type Loaded = { libraries: MapLibraries; Canvas: typeof MapCanvas }

let loading: Promise<Loaded> | null = null

/**
 * Leaflet, its CSS, supercluster and the map that uses them, fetched once, the first time a map shows: the list's
 * first screen carries none of it. A failed load is tried again.
 */
export function loadMap(): Promise<Loaded> {
  loading ??= Promise.all([import('leaflet'), import('supercluster'), import('./map-canvas'), import('leaflet/dist/leaflet.css')]).then(
    ([leaflet, supercluster, canvas]) => ({
      libraries: { L: (leaflet as unknown as { default?: typeof Leaflet }).default ?? leaflet, Supercluster: supercluster.default },
      Canvas: canvas.MapCanvas,
    }),
  )
  loading.catch(() => {
    loading = null
  })
  return loading
}
