import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { MapSettings } from '../../../types/map'
import { errorResponses } from '../../shared/route-schemas'
import { mapSettings, standInTileAt } from './map-service'
import { STAND_IN_SOURCE } from './tile-source'

const TAGS = ['map']
const TileParams = Type.Object({
  z: Type.Integer({ minimum: 0, maximum: 22, description: 'zoom level' }),
  x: Type.Integer({ minimum: 0, description: 'column, below 2^z' }),
  y: Type.Integer({ minimum: 0, description: 'row, below 2^z' }),
})
// Sent as a Buffer, which fastify never serialises: the schema is for the API docs.
const PngBytes = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'image/png, 256×256' })

/** The H5 map's tile service; without a configured provider, also the BFF's own stand-in tiles (development, tests). */
export const mapRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const source = app.settings.mapTiles ?? STAND_IN_SOURCE

  app.get(
    '/map/settings',
    { schema: { summary: 'The raster tiles the H5 map draws, and the datum they are drawn in', tags: TAGS, response: { 200: MapSettings } } },
    async () => mapSettings(source),
  )

  if (source.kind !== 'stand-in') return
  app.get(
    '/map/stand-in-tiles/:z/:x/:y.png',
    {
      schema: {
        summary: 'A development stand-in tile (a plain grid, 256×256 PNG); registered only when no tile provider is configured',
        tags: TAGS,
        params: TileParams,
        response: { 200: PngBytes, ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      const png = standInTileAt(request.params)
      return reply.type('image/png').header('cache-control', 'public, max-age=86400').send(png)
    },
  )
}
