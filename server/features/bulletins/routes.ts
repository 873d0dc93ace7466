import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Bulletin, BulletinInput, BulletinList, BulletinParams, BulletinQuery } from '../../../types/bulletins'
import { BEARER, errorResponses } from '../../shared/route-schemas'
import { bulletinById, bulletinList, publishBulletin } from './bulletin-service'

const TAGS = ['bulletins']

/** 等级评价公示: rounds of evaluations published by regulators (policy §10). */
export const bulletinRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database
  const cityCodes = new Set(app.reference.cities.map((c) => c.code))

  app.get(
    '/bulletins',
    {
      schema: {
        summary: 'Published evaluation results, newest first; with a 市州, its bulletins and the province-wide ones',
        tags: TAGS,
        querystring: BulletinQuery,
        response: { 200: BulletinList, ...errorResponses(400) },
      },
    },
    async (request) => bulletinList(db, request.query, cityCodes),
  )

  app.get(
    '/bulletins/:id',
    {
      schema: {
        summary: 'One bulletin: every institution of the round with its new and previous level',
        tags: TAGS,
        params: BulletinParams,
        response: { 200: Bulletin, ...errorResponses(400, 404) },
      },
    },
    async (request) => bulletinById(db, request.params.id.toLowerCase()),
  )

  app.post(
    '/admin/bulletins',
    {
      onRequest: app.requireRole('regulator'),
      schema: {
        summary: 'Publish a round already imported with the registry: province-wide (province regulators) or for a 市州',
        tags: TAGS,
        security: BEARER,
        body: BulletinInput,
        response: { 201: Bulletin, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const bulletin = await publishBulletin(db, request, request.body, cityCodes)
      request.log.info({ bulletinId: bulletin.id, round: bulletin.round, cityCode: bulletin.cityCode, by: request.userId }, 'bulletin published')
      return reply.code(201).send(bulletin)
    },
  )
}
