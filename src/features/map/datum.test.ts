import { wgs84ToGcj02 } from '../../utils/gcj02'
import { fromTiles, searchedAreaToTiles, toTiles, visibleAreaToSearch } from './datum'

const metresBetween = (a: { lat: number; lng: number }, b: { lat: number; lng: number }) =>
  Math.hypot((a.lat - b.lat) * 111_195, (a.lng - b.lng) * 111_195 * Math.cos((a.lat * Math.PI) / 180))

// A street corner in 长春 as a GPS (WGS-84) position, and as the registry keeps it (GCJ-02).
const gps = { lat: 43.8868, lng: 125.3245 }
const registry = wgs84ToGcj02(gps.lat, gps.lng)

describe('drawing registry points', () => {
  it('on 天地图 (WGS-84) puts the marker on the street the GPS position names, not a few hundred metres off', () => {
    expect(metresBetween(registry, gps)).toBeGreaterThan(200)
    expect(metresBetween(toTiles(registry, 'wgs84'), gps)).toBeLessThan(1)
  })

  it('on GCJ-02 tiles draws the registry point as it is', () => {
    expect(toTiles(registry, 'gcj02')).toEqual(registry)
    expect(fromTiles(registry, 'gcj02')).toEqual(registry)
  })

  it('a point read off WGS-84 tiles goes back to the registry datum', () => {
    expect(metresBetween(fromTiles(toTiles(registry, 'wgs84'), 'wgs84'), registry)).toBeLessThan(1)
  })
})

describe('searching the visible area', () => {
  const visible = { west: 125.28, south: 43.85, east: 125.36, north: 43.91 }

  it('on GCJ-02 tiles searches exactly what is visible', () => {
    expect(visibleAreaToSearch(visible, 'gcj02')).toEqual(visible)
  })

  it('on WGS-84 tiles searches the GCJ-02 area under the view: a place drawn inside is searched, one drawn outside is not', () => {
    const searched = visibleAreaToSearch(visible, 'wgs84')
    const inside = (p: { lat: number; lng: number }) => p.lng >= searched.west && p.lng <= searched.east && p.lat >= searched.south && p.lat <= searched.north
    // the registry points whose markers are drawn just inside each edge, and just outside
    const drawnAt = (lat: number, lng: number) => wgs84ToGcj02(lat, lng)
    expect(inside(drawnAt(visible.south + 0.0005, visible.west + 0.0005))).toBe(true)
    expect(inside(drawnAt(visible.north - 0.0005, visible.east - 0.0005))).toBe(true)
    expect(inside(drawnAt(visible.north + 0.002, visible.east - 0.01))).toBe(false)
    expect(inside(drawnAt(visible.south - 0.002, visible.west + 0.01))).toBe(false)
    // the shift is real: the GCJ-02 area is not the visible one
    expect(searched.east - visible.east).toBeGreaterThan(0.003)
  })

  it('a searched area opens again where it was on the tiles', () => {
    const back = searchedAreaToTiles(visibleAreaToSearch(visible, 'wgs84'), 'wgs84')
    for (const side of ['west', 'south', 'east', 'north'] as const) expect(Math.abs(back[side] - visible[side])).toBeLessThan(0.0001)
  })
})
