import type { MapDatum } from '../../../types/map'
import { gcj02ToWgs84, wgs84ToGcj02 } from '../../utils/gcj02'
import type { MapArea } from '../../utils/map-area'

export type LatLng = { lat: number; lng: number }

/** Where a registry point (GCJ-02) is drawn on tiles of the given datum. */
export function toTiles({ lat, lng }: LatLng, datum: MapDatum): LatLng {
  return datum === 'wgs84' ? gcj02ToWgs84(lat, lng) : { lat, lng }
}

/** A point of the tiles back in the registry's GCJ-02. */
export function fromTiles({ lat, lng }: LatLng, datum: MapDatum): LatLng {
  return datum === 'wgs84' ? wgs84ToGcj02(lat, lng) : { lat, lng }
}

/**
 * The area the parent sees on the tiles, as the API's GCJ-02 area. The shift differs a little from corner to corner,
 * so all four corners are converted and the area spans them: nothing visible is left out of the search.
 */
export function visibleAreaToSearch(visible: MapArea, datum: MapDatum): MapArea {
  if (datum === 'gcj02') return visible
  const corners = [
    { lat: visible.south, lng: visible.west },
    { lat: visible.south, lng: visible.east },
    { lat: visible.north, lng: visible.west },
    { lat: visible.north, lng: visible.east },
  ].map((corner) => fromTiles(corner, datum))
  return {
    west: Math.min(...corners.map((c) => c.lng)),
    south: Math.min(...corners.map((c) => c.lat)),
    east: Math.max(...corners.map((c) => c.lng)),
    north: Math.max(...corners.map((c) => c.lat)),
  }
}

/** A searched GCJ-02 area as it lies on the tiles (to show it again when the map opens). */
export function searchedAreaToTiles(area: MapArea, datum: MapDatum): MapArea {
  if (datum === 'gcj02') return area
  const southWest = toTiles({ lat: area.south, lng: area.west }, datum)
  const northEast = toTiles({ lat: area.north, lng: area.east }, datum)
  return { west: southWest.lng, south: southWest.lat, east: northEast.lng, north: northEast.lat }
}
