import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { GuidanceParams, GuidanceRequest, GuidanceRequestInput, GuidanceRequestList } from '../../../types/guidance'
import { BEARER, errorResponses } from '../../shared/route-schemas'
import { cancelRequest, parentRequest, requestGuidance, type Parent } from './parent-service'
import { GUIDANCE_TAGS } from './route-options'
import { requestsOf } from './views'

export const parentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database
  const parent = (request: FastifyRequest): Parent => ({ userId: request.userId, log: request.log })

  app.post(
    '/guidance-requests',
    {
      onRequest: app.authenticate,
      schema: {
        summary: 'Ask the community health centre of your district for home guidance (入户指导) for one of your children',
        tags: GUIDANCE_TAGS,
        security: BEARER,
        body: GuidanceRequestInput,
        response: { 201: GuidanceRequest, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => reply.code(201).send(await requestGuidance(db, app.reference.cities, parent(request), request.body)),
  )

  app.get(
    '/guidance-requests',
    {
      onRequest: app.authenticate,
      schema: {
        summary: 'Your home-guidance requests, newest first, each with its history',
        tags: GUIDANCE_TAGS,
        security: BEARER,
        response: { 200: GuidanceRequestList, ...errorResponses(401) },
      },
    },
    async (request) => ({ items: await requestsOf(db, request.userId) }),
  )

  app.get(
    '/guidance-requests/:id',
    {
      onRequest: app.authenticate,
      schema: {
        summary: "One of your home-guidance requests (another family's answers 404)",
        tags: GUIDANCE_TAGS,
        security: BEARER,
        params: GuidanceParams,
        response: { 200: GuidanceRequest, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => parentRequest(db, request.userId, request.params.id),
  )

  app.post(
    '/guidance-requests/:id/cancel',
    {
      onRequest: app.authenticate,
      schema: {
        summary: 'Cancel your request while it is requested or scheduled (409 otherwise)',
        tags: GUIDANCE_TAGS,
        security: BEARER,
        params: GuidanceParams,
        response: { 200: GuidanceRequest, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request) => cancelRequest(db, parent(request), request.params.id),
  )
}
