import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { HealthCentreList, HealthCentreQuery } from '../../../types/roles'
import { errorResponses } from '../../shared/route-schemas'
import { healthCentres } from './health-centre-service'
import { ROLES_TAGS } from './route-options'

export const healthCentreRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database
  const cityCodes = new Set(app.reference.cities.map((c) => c.code))

  app.get(
    '/health-centres',
    {
      schema: {
        summary: 'Community health service centres (public), optionally of one 市州',
        tags: ROLES_TAGS,
        querystring: HealthCentreQuery,
        response: { 200: HealthCentreList, ...errorResponses(400) },
      },
    },
    async (request) => healthCentres(db, request.query.city, cityCodes),
  )
}
