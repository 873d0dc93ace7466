import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import {
  CentreGuidanceQuery,
  CompleteGuidanceBody,
  DeclineGuidanceBody,
  GuidanceParams,
  GuidanceRequest,
  GuidanceRequestList,
  ScheduleGuidanceBody,
} from '../../../types/guidance'
import { emptyBodyAsObject } from '../../shared/empty-body'
import { BEARER, actionSchemas, errorResponses } from '../../shared/route-schemas'
import { centreRequests, completeVisit, declineRequest, scheduleVisit, type CentreStaff } from './centre-service'
import { CENTRE_GUIDANCE_TAGS } from './route-options'

export const centreRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database
  const asCentreStaff = app.requireRole('centre_staff')
  const staff = (request: FastifyRequest): CentreStaff => ({ userId: request.userId, grants: request.grants, log: request.log })

  const actionSchema = actionSchemas({ tags: CENTRE_GUIDANCE_TAGS, params: GuidanceParams, answer: GuidanceRequest })

  app.get(
    '/centre/guidance-requests',
    {
      onRequest: asCentreStaff,
      schema: {
        summary: 'Home-guidance requests in the districts of your centres, oldest first, with the address and phone for the visit',
        tags: CENTRE_GUIDANCE_TAGS,
        security: BEARER,
        querystring: CentreGuidanceQuery,
        response: { 200: GuidanceRequestList, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const items = await centreRequests(db, staff(request), request.query.status)
      // Families' addresses and phones: never kept by a browser or proxy cache.
      reply.header('cache-control', 'no-store')
      return { items }
    },
  )

  app.post(
    '/centre/guidance-requests/:id/schedule',
    {
      onRequest: asCentreStaff,
      schema: actionSchema('Schedule (or reschedule) the visit: which of your centres, when, and who goes', ScheduleGuidanceBody),
    },
    async (request) => scheduleVisit(db, staff(request), request.params.id, request.body),
  )

  app.post(
    '/centre/guidance-requests/:id/decline',
    {
      onRequest: asCentreStaff,
      schema: actionSchema('Decline the request, with the reason the family will see', DeclineGuidanceBody),
    },
    async (request) => declineRequest(db, staff(request), request.params.id, request.body),
  )

  app.post(
    '/centre/guidance-requests/:id/complete',
    {
      onRequest: asCentreStaff,
      preValidation: emptyBodyAsObject,
      schema: actionSchema('Mark a scheduled visit done, with an optional note for the family (only the centre that scheduled it)', CompleteGuidanceBody),
    },
    async (request) => completeVisit(db, staff(request), request.params.id, request.body),
  )
}
