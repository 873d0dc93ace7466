import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Stats } from '../../../types/stats'
import { cachedAnswer, matchesEtag } from './cache'
import { computeStats } from './stats-service'
import { DEFAULT_POPULATION_FILE, readPopulationFile } from './population'

/** No body: the client's copy (the ETag it sent in If-None-Match) is current. */
const NotModified = Type.Unsafe<undefined>({ description: 'not modified: the ETag in If-None-Match is current' })
/** Without configured stats settings: five minutes, and the population figures shipped with the release. */
const DEFAULT_CACHE_SECONDS = 300

/** 数据概览: the province's childcare at a glance. The same answer for everyone, so it is cached whole and shared. */
export const statsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const settings = app.settings.stats ?? { population: readPopulationFile(DEFAULT_POPULATION_FILE), cacheSeconds: DEFAULT_CACHE_SECONDS }
  const stats = cachedAnswer(
    () =>
      computeStats(app.database.db, {
        reference: app.reference,
        population: settings.population,
        replyDays: app.settings.complaints.replyDays,
      }),
    settings.cacheSeconds,
  )

  app.get(
    '/stats',
    {
      schema: {
        summary: 'Institutions, places, grades and complaint handling for the province and each 市州 (cached; ETag)',
        tags: ['stats'],
        response: { 200: Stats, 304: NotModified },
      },
    },
    async (request, reply) => {
      const answer = await stats()
      const maxAge = Math.max(0, Math.ceil((answer.expiresAt - Date.now()) / 1000))
      reply.header('cache-control', `public, max-age=${maxAge}`).header('etag', answer.etag)
      if (matchesEtag(request.headers['if-none-match'], answer.etag)) return reply.code(304).send()
      return answer.value
    },
  )
}
