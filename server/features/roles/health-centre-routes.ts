import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { HealthCentreList, HealthCentreQuery } from '../../../types/roles'
import { badRequest } from '../../shared/http-errors'
import { ROLES_TAGS, errorResponses } from './route-options'
import { listHealthCentres } from './repository'

export const healthCentreRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database
  const cityCodes = new Set(app.reference.cities.map((c) => c.code))

  app.get('/health-centres', {
    schema: {
      summary: 'Community health service centres (public), optionally of one 市州',
      tags: ROLES_TAGS, querystring: HealthCentreQuery,
      response: { 200: HealthCentreList, ...errorResponses(400) },
    },
  }, async (request) => {
    const { city } = request.query
    if (city !== undefined && !cityCodes.has(city)) throw badRequest('city', `未知的市州代码 ${city} (unknown 市州)`)
    return { items: await listHealthCentres(db, city ?? null) }
  })
}
