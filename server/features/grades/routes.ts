import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { GradeScheme } from '../../../types/grades'

export const gradeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/grade-scheme',
    {
      schema: { summary: 'Grade levels and the seven evaluation dimensions', tags: ['reference'], response: { 200: GradeScheme } },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=3600')
      return app.reference.gradeScheme
    },
  )
}
