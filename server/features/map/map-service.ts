import type { MapSettings } from '../../../types/map'
import { badRequest } from '../../shared/http-errors'
import { STAND_IN_ATTRIBUTION, STAND_IN_TILE_PATH, type TileSource } from './tile-source'
import { standInTile } from './stand-in-tile'

/**
 * The tiles the H5 map draws. The stand-in's template is a path on the BFF (the app puts its API base in front), so it
 * holds wherever and however the app reaches the BFF, behind a proxy too.
 */
export function mapSettings(source: TileSource): MapSettings {
  if (source.kind === 'provider') return { tiles: source.tiles }
  return {
    tiles: {
      urlTemplate: STAND_IN_TILE_PATH,
      subdomains: [],
      attribution: STAND_IN_ATTRIBUTION,
      minZoom: source.minZoom,
      maxZoom: source.maxZoom,
      datum: 'gcj02',
    },
  }
}

/** One stand-in tile; a column or row outside the zoom level's 2^z × 2^z grid is refused. */
export function standInTileAt(tile: { z: number; x: number; y: number }): Buffer {
  const count = 2 ** tile.z
  if (tile.x >= count) throw badRequest('x', `瓦片列号超出范围：缩放级别 ${tile.z} 下应小于 ${count} (x must be below 2^z)`)
  if (tile.y >= count) throw badRequest('y', `瓦片行号超出范围：缩放级别 ${tile.z} 下应小于 ${count} (y must be below 2^z)`)
  return standInTile()
}
