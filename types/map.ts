import { Type, type Static } from '@sinclair/typebox'
import { StringEnum } from './common'

/**
 * The datum a tile service draws in. 天地图 draws in CGCS2000, which is WGS-84 within centimetres; 高德, 腾讯 and most
 * licensed Chinese providers draw in GCJ-02, the datum of the registry's coordinates. Markers and the searched area are
 * converted between the registry's GCJ-02 and the tiles' datum, so a marker sits on its street on either kind of tiles.
 */
export const MAP_DATUMS = ['gcj02', 'wgs84'] as const
export const MapDatum = StringEnum(MAP_DATUMS)
export type MapDatum = Static<typeof MapDatum>

/** The raster tile service the H5 map draws (the mini-program draws WeChat's own map). */
export const MapTiles = Type.Object({
  urlTemplate: Type.String({ description: 'e.g. https://t{s}.tianditu.gov.cn/vec_w/wmts?…&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=…' }),
  subdomains: Type.Array(Type.String(), { description: 'values of {s}; empty when the template has none' }),
  attribution: Type.String({ description: 'the provider and its 审图号, shown on the map' }),
  minZoom: Type.Integer({ minimum: 0, maximum: 22 }),
  maxZoom: Type.Integer({ minimum: 0, maximum: 22 }),
  datum: MapDatum,
})
export type MapTiles = Static<typeof MapTiles>

export const MapSettings = Type.Object({ tiles: MapTiles })
export type MapSettings = Static<typeof MapSettings>
