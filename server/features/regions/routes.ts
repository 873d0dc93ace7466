import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { RegionsResponse } from '../../../types/regions'

export const regionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/regions',
    {
      schema: { summary: '市州 and their districts, for picking a place when location is refused', tags: ['reference'], response: { 200: RegionsResponse } },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=3600')
      return { cities: app.reference.cities }
    },
  )
}
