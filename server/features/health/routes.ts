import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { sql } from 'kysely'
import { HealthResponse } from '../../../types/health'
import { ErrorResponse } from '../../../types/common'

const version = process.env.npm_package_version ?? '0.1.0'

export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/health', {
    schema: { summary: 'Liveness and database check', tags: ['health'], response: { 200: HealthResponse, 503: ErrorResponse } },
  }, async (_request, reply) => {
    try {
      await sql`SELECT 1`.execute(app.database.db)
      return { status: 'ok' as const, database: app.database.kind, version }
    } catch (error) {
      app.log.error({ err: error }, 'health check: database unavailable')
      return reply.code(503).send({ statusCode: 503, error: 'Service Unavailable', message: '数据库不可用 (database unavailable)' })
    }
  })
}
