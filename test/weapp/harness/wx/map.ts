import type { Handler } from '../page-stack'
import type { Element } from '../tree'
import { asyncApi, fail, type ApiHost } from './api'

export interface LatLng {
  latitude: number
  longitude: number
}
export interface MapRegion {
  southwest: LatLng
  northeast: LatLng
}

/**
 * What one `map` shows, by its id on the page. Until something moves it the view follows the element's latitude,
 * longitude, scale and include-points (fitted to the points, as WeChat does); the parent's gesture or moveToLocation
 * then hold their own view, until the app hands new include-points.
 */
export interface MapView {
  centre: LatLng
  scale: number
  /** initMarkerCluster's options, once called. */
  cluster: Record<string, unknown> | null
  /** Listeners of MapContext.on (markerClusterCreate, markerClusterClick). */
  listeners: Record<string, Handler>
  /** The include-points the held view was made with: new ones fit the view again. */
  heldFor: string | null
}

/** The map's size on the phone in px (the app's 720rpx high map across a 375px screen). */
export const MAP_SIZE = { width: 375, height: 360 }

const clampScale = (scale: number) => Math.min(20, Math.max(3, scale))
/** Web Mercator at 256px tiles: degrees of longitude per px at a scale (zoom) level. */
const lngPerPx = (scale: number) => 360 / (256 * 2 ** scale)

export function regionOf({ centre, scale }: Pick<MapView, 'centre' | 'scale'>): MapRegion {
  const halfLng = (lngPerPx(scale) * MAP_SIZE.width) / 2
  const halfLat = (lngPerPx(scale) * Math.cos((centre.latitude * Math.PI) / 180) * MAP_SIZE.height) / 2
  return {
    southwest: { latitude: centre.latitude - halfLat, longitude: centre.longitude - halfLng },
    northeast: { latitude: centre.latitude + halfLat, longitude: centre.longitude + halfLng },
  }
}

/** The largest scale at which every point fits, centred on them (WeChat's include-points). */
function fit(points: LatLng[]): Pick<MapView, 'centre' | 'scale'> {
  const lats = points.map((p) => p.latitude)
  const lngs = points.map((p) => p.longitude)
  const centre = { latitude: (Math.min(...lats) + Math.max(...lats)) / 2, longitude: (Math.min(...lngs) + Math.max(...lngs)) / 2 }
  let scale = 20
  while (scale > 3) {
    const { southwest, northeast } = regionOf({ centre, scale })
    if (
      points.every(
        (p) => p.latitude >= southwest.latitude && p.latitude <= northeast.latitude && p.longitude >= southwest.longitude && p.longitude <= northeast.longitude,
      )
    )
      break
    scale -= 1
  }
  return { centre, scale }
}

export class MapViews {
  private readonly views = new Map<string, MapView>()

  constructor(private readonly findMap: (id: string) => Element | null) {}

  element(id: string): Element | null {
    return this.findMap(id)
  }

  /** The view of map `id` now, or null when the page shows no such map. */
  view(id: string): MapView | null {
    const element = this.findMap(id)
    if (!element) return null
    const points = (element.attrs['include-points'] as LatLng[] | undefined) ?? []
    const pointsKey = JSON.stringify(points)
    let view = this.views.get(id)
    if (!view) {
      view = { centre: { latitude: 0, longitude: 0 }, scale: 16, cluster: null, listeners: {}, heldFor: null }
      this.views.set(id, view)
    }
    if (view.heldFor === null || (points.length > 0 && view.heldFor !== pointsKey)) {
      view.heldFor = null
      Object.assign(
        view,
        points.length
          ? fit(points)
          : {
              centre: { latitude: Number(element.attrs.latitude ?? 39.908823), longitude: Number(element.attrs.longitude ?? 116.39747) },
              scale: clampScale(Number(element.attrs.scale ?? 16)),
            },
      )
    }
    return view
  }

  /** Moves the map as a finger or the app's moveToLocation does: the view holds until new include-points. */
  move(id: string, to: Partial<Pick<MapView, 'centre' | 'scale'>>): MapView {
    const view = this.view(id)
    if (!view) throw new Error(`the page shows no map "${id}"`)
    const element = this.findMap(id)!
    Object.assign(view, { ...to, scale: clampScale(to.scale ?? view.scale), heldFor: JSON.stringify(element.attrs['include-points'] ?? []) })
    return view
  }
}

/** wx.createMapContext: the documented MapContext methods the app may call, answering from the map's view. */
export function createMapContext(host: ApiHost, maps: MapViews, position: () => LatLng) {
  return (mapId: string) => {
    const api = (name: string, run: (view: MapView, o: Record<string, unknown>) => Record<string, unknown>) =>
      asyncApi(host, name, (o) => {
        const view = maps.view(String(mapId))
        if (!view) throw fail(name, `map ${String(mapId)} not found`)
        return run(view, o)
      })
    return {
      getCenterLocation: api('getCenterLocation', (view) => ({ ...view.centre })),
      getRegion: api('getRegion', (view) => regionOf(view) as unknown as Record<string, unknown>),
      getScale: api('getScale', (view) => ({ scale: view.scale })),
      getRotate: api('getRotate', () => ({ rotate: 0 })),
      getSkew: api('getSkew', () => ({ skew: 0 })),
      includePoints: api('includePoints', (_view, o) => {
        const points = (o.points as LatLng[] | undefined) ?? []
        if (!points.length) throw fail('includePoints', 'parameter error: points should not be empty')
        maps.move(String(mapId), fit(points))
        return {}
      }),
      moveToLocation: api('moveToLocation', (view, o) => {
        const element = maps.element(String(mapId))!
        const given = o.latitude !== undefined && o.longitude !== undefined
        // Without a place WeChat moves to the phone's position, which the map shows only with show-location.
        if (!given && element.attrs['show-location'] !== true) throw fail('moveToLocation', 'show-location is false')
        maps.move(String(mapId), { centre: given ? { latitude: Number(o.latitude), longitude: Number(o.longitude) } : position(), scale: view.scale })
        return {}
      }),
      initMarkerCluster: api('initMarkerCluster', (view, o) => {
        view.cluster = { enableDefaultStyle: o.enableDefaultStyle ?? true, zoomOnClick: o.zoomOnClick ?? true, gridSize: o.gridSize ?? 60 }
        return {}
      }),
      on: (event: string, callback: Handler) => {
        const view = maps.view(String(mapId))
        if (view) view.listeners[event] = callback
      },
      setCenterOffset: api('setCenterOffset', () => ({})),
      setBoundary: api('setBoundary', () => ({})),
    }
  }
}
