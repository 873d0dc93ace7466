import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { SanctionList, SanctionQuery } from '../../../types/sanctions'
import { errorResponses } from '../../shared/route-schemas'
import { publicSanctions } from './sanction-service'

/** 失信与处罚公示 (policy §9): institutions and measures; never the reason, which may name a person. */
export const sanctionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database
  const cityCodes = new Set(app.reference.cities.map((c) => c.code))

  app.get(
    '/sanctions',
    {
      schema: {
        summary: 'Sanctions and credit warnings against institutions, newest first',
        tags: ['sanctions'],
        querystring: SanctionQuery,
        response: { 200: SanctionList, ...errorResponses(400) },
      },
    },
    async (request) => publicSanctions(db, request.query, cityCodes),
  )
}
