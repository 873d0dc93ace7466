import { MAP_DATUMS, type MapDatum, type MapTiles } from '../../../types/map'

/**
 * Where the H5 map's tiles come from: a configured provider (天地图, 高德, 腾讯…), or in development the BFF's own
 * stand-in tiles.
 */
export type TileSource = { kind: 'provider'; tiles: MapTiles } | { kind: 'stand-in'; minZoom: number; maxZoom: number }

/** Zoom levels offered unless MAP_TILE_MIN_ZOOM / MAP_TILE_MAX_ZOOM say otherwise: a province down to a street (天地图 and 高德 draw to 18). */
export const DEFAULT_MIN_ZOOM = 3
export const DEFAULT_MAX_ZOOM = 18
export const STAND_IN_SOURCE: TileSource = { kind: 'stand-in', minZoom: DEFAULT_MIN_ZOOM, maxZoom: DEFAULT_MAX_ZOOM }

export const STAND_IN_TILE_PATH = '/api/map/stand-in-tiles/{z}/{x}/{y}.png'
// Shown on the map like a provider's attribution: Chinese only.
export const STAND_IN_ATTRIBUTION = '开发环境替身底图，不是真实地图'

/** Every {s} expanded: the URL templates the H5 page loads tiles from. */
function expandedTemplates(tiles: Pick<MapTiles, 'urlTemplate' | 'subdomains'>): string[] {
  if (!tiles.urlTemplate.includes('{s}')) return [tiles.urlTemplate]
  return tiles.subdomains.map((s) => tiles.urlTemplate.replaceAll('{s}', s))
}

/** The origins (https://host) the page's Content-Security-Policy must allow images from. */
export function tileOrigins(source: TileSource | undefined): string[] {
  if (source?.kind !== 'provider') return []
  const origins = expandedTemplates(source.tiles).map((template) => new URL(template.replace(/\{[xyz]\}/g, '0')).origin)
  return [...new Set(origins)]
}

/**
 * A provider's settings checked as a whole; throws a sentence naming the setting at fault. The template is https (the
 * H5 page is, and mixed content is blocked), holds {z}, {x} and {y}, and {s} exactly when subdomains are given.
 */
export function providerTiles(settings: {
  urlTemplate: string
  subdomains: string[]
  attribution: string
  datum: string
  minZoom: number
  maxZoom: number
}): MapTiles {
  const { urlTemplate, subdomains, attribution, datum, minZoom, maxZoom } = settings
  if (!urlTemplate.startsWith('https://')) throw new Error(`MAP_TILE_URL must be an https:// URL template, got "${urlTemplate}"`)
  const missing = ['{z}', '{x}', '{y}'].filter((p) => !urlTemplate.includes(p))
  if (missing.length) throw new Error(`MAP_TILE_URL lacks ${missing.join(', ')}: the template must hold {z}, {x} and {y}, got "${urlTemplate}"`)
  const hasSubdomain = urlTemplate.includes('{s}')
  if (hasSubdomain && !subdomains.length) throw new Error('MAP_TILE_URL holds {s}: MAP_TILE_SUBDOMAINS must list its values, e.g. 0,1,2,3')
  if (!hasSubdomain && subdomains.length) throw new Error('MAP_TILE_SUBDOMAINS is set but MAP_TILE_URL holds no {s}')
  const badSubdomain = subdomains.find((s) => !/^[A-Za-z0-9-]+$/.test(s))
  if (badSubdomain !== undefined) throw new Error(`MAP_TILE_SUBDOMAINS must be letters, digits or "-", comma-separated, got "${badSubdomain}"`)
  for (const template of expandedTemplates({ urlTemplate, subdomains })) {
    try {
      new URL(template.replace(/\{[xyz]\}/g, '0'))
    } catch {
      throw new Error(`MAP_TILE_URL is not a valid URL template, got "${urlTemplate}"`)
    }
  }
  if (!(MAP_DATUMS as readonly string[]).includes(datum))
    throw new Error(`MAP_TILE_DATUM must be ${MAP_DATUMS.join(' or ')} (天地图 wgs84; 高德, 腾讯 gcj02), got "${datum}"`)
  if (!attribution.trim()) throw new Error('MAP_TILE_ATTRIBUTION is required with MAP_TILE_URL: the provider and its 审图号, shown on the map')
  return { urlTemplate, subdomains, attribution: attribution.trim(), datum: datum as MapDatum, minZoom, maxZoom }
}
