import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  GuidePrice,
  GuidePriceInput,
  GuidePriceList,
  GuidePriceParams,
  GuidePriceQuery,
  InstitutionParams,
  InstitutionPriceCheck,
  OverCapList,
} from '../../../types/guide-prices'
import { BEARER, errorResponses } from '../../shared/route-schemas'
import { createGuidePrice, guidePricesInForce, institutionPriceCheck, overCapInstitutions, replaceGuidePrice } from './guide-price-service'

const TAGS = ['guide-prices']

/** 指导价/限价 for 普惠 and public places, and the institutions above them. */
export const guidePriceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database
  const cityCodes = new Set(app.reference.cities.map((c) => c.code))

  app.get(
    '/guide-prices',
    {
      schema: {
        summary: 'The monthly caps in force today for 普惠 and public places, in one 市州 or all',
        tags: TAGS,
        querystring: GuidePriceQuery,
        response: { 200: GuidePriceList, ...errorResponses(400) },
      },
    },
    async (request) => guidePricesInForce(db, request.query, cityCodes),
  )

  app.get(
    '/institutions/:id/price-check',
    {
      schema: {
        summary: "A 普惠 or public institution's monthly fees against the caps in force for it",
        tags: TAGS,
        params: InstitutionParams,
        response: { 200: InstitutionPriceCheck, ...errorResponses(400, 404) },
      },
    },
    async (request) => institutionPriceCheck(db, request.params.id.toLowerCase()),
  )

  app.get(
    '/admin/guide-prices/over-cap',
    {
      onRequest: app.requireRole('regulator'),
      schema: {
        summary: "The 普惠 and public institutions charging above a cap in force, in the regulator's area",
        tags: TAGS,
        security: BEARER,
        response: { 200: OverCapList, ...errorResponses(401, 403) },
      },
    },
    async (request) => overCapInstitutions(db, request),
  )

  app.post(
    '/admin/guide-prices',
    {
      onRequest: app.requireRole('regulator'),
      schema: {
        summary: 'Set a cap for a 市州 the regulator regulates (dates may not overlap another cap of the same kind)',
        tags: TAGS,
        security: BEARER,
        body: GuidePriceInput,
        response: { 201: GuidePrice, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const price = await createGuidePrice(db, request, request.body, cityCodes)
      request.log.info({ guidePriceId: price.id, cityCode: price.cityCode, by: request.userId }, 'guide price set')
      return reply.code(201).send(price)
    },
  )

  app.put(
    '/admin/guide-prices/:id',
    {
      onRequest: app.requireRole('regulator'),
      schema: {
        summary: 'Replace every field of a cap; each accepted version is kept',
        tags: TAGS,
        security: BEARER,
        params: GuidePriceParams,
        body: GuidePriceInput,
        response: { 200: GuidePrice, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const price = await replaceGuidePrice(db, request, request.params.id.toLowerCase(), request.body, cityCodes)
      request.log.info({ guidePriceId: price.id, by: request.userId }, 'guide price replaced')
      return price
    },
  )
}
