import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { sql } from 'kysely'
import { HealthResponse } from '../../../types/health'
import { ErrorResponse } from '../../../types/common'
import { sendDatabaseUnavailable } from '../../shared/error-handler'

const version = process.env.npm_package_version ?? '0.1.0'
/** A load balancer's probe waits a few seconds at most: a database that does not answer by then counts as away. */
const PING_TIMEOUT_MS = 3000

function ping(query: Promise<unknown>): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${PING_TIMEOUT_MS} ms`)), PING_TIMEOUT_MS)
  })
  return Promise.race([query, timeout]).finally(() => clearTimeout(timer))
}

export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/health',
    {
      schema: {
        summary: 'Liveness and database check: 503 with code database_unavailable and Retry-After while the database is away',
        tags: ['health'],
        response: { 200: HealthResponse, 503: ErrorResponse },
      },
    },
    async (_request, reply) => {
      try {
        await ping(sql`SELECT 1`.execute(app.database.db))
        return { status: 'ok' as const, database: app.database.kind, version, nearbyIndex: app.nearbyIndex.status() }
      } catch (error) {
        app.log.warn({ err: error }, 'health check: database unavailable')
        return sendDatabaseUnavailable(reply)
      }
    },
  )
}
