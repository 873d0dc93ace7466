import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { AdditionBody, ComplaintList, ComplaintView, RatingBody, TrackBody, TrackingParams } from '../../../types/complaints'
import { BEARER, OPTIONAL_BEARER, errorResponses } from '../../shared/route-schemas'
import { reporterAccess } from './reporter-access'
import type { ComplaintRow } from './repository'
import { addToComplaint, rateHandling } from './reporter-service'
import { COMPLAINT_TAGS, MyComplaintsQuery, ReporterHeaders } from './route-options'
import { complaintList, reporterView } from './views'

export const reporterRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database
  const view = (trackingNumber: string) => reporterView(db, app.settings.jwtSecret, trackingNumber)

  /** The reporter's own steps: their complaint (or 404), the step, the complaint as it now stands. */
  const act = async (
    request: FastifyRequest & { params: { trackingNumber: string } },
    reply: FastifyReply,
    step: (complaint: ComplaintRow, userId: string | null) => Promise<void>,
  ) => {
    const { complaint, userId } = await reporterAccess(app, request, reply, request.params.trackingNumber)
    await step(complaint, userId)
    return view(complaint.trackingNumber)
  }

  app.post(
    '/complaints/track',
    {
      schema: {
        summary: 'Follow a complaint with its tracking number and secret (works for anonymous complaints)',
        tags: COMPLAINT_TAGS,
        body: TrackBody,
        response: { 200: ComplaintView, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const { complaint } = await reporterAccess(app, request, reply, request.body.trackingNumber, request.body.secret)
      return view(complaint.trackingNumber)
    },
  )

  app.get(
    '/complaints/:trackingNumber',
    {
      schema: {
        summary: "The reporter's view: status, deadlines, reply and timeline (sign-in token or X-Complaint-Secret)",
        tags: COMPLAINT_TAGS,
        security: OPTIONAL_BEARER,
        params: TrackingParams,
        headers: ReporterHeaders,
        response: { 200: ComplaintView, ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const { complaint } = await reporterAccess(app, request, reply, request.params.trackingNumber)
      reply.header('cache-control', 'no-store')
      return view(complaint.trackingNumber)
    },
  )

  app.get(
    '/me/complaints',
    {
      onRequest: app.authenticate,
      schema: {
        summary: 'Complaints the signed-in user filed under their name, newest first (anonymous ones are not linked to any account)',
        tags: COMPLAINT_TAGS,
        security: BEARER,
        querystring: MyComplaintsQuery,
        response: { 200: ComplaintList, ...errorResponses(400, 401) },
      },
    },
    async (request) => complaintList(db, { cities: null, reporterUserId: request.userId, query: request.query }, 'newest'),
  )

  app.post(
    '/complaints/:trackingNumber/additions',
    {
      schema: {
        summary: 'Add information or photos while the complaint is open (补充材料)',
        tags: COMPLAINT_TAGS,
        security: OPTIONAL_BEARER,
        params: TrackingParams,
        headers: ReporterHeaders,
        body: AdditionBody,
        response: { 201: ComplaintView, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      const answer = await act(request, reply, (complaint, userId) => addToComplaint(db, complaint, userId, request.body))
      return reply.code(201).send(answer)
    },
  )

  app.post(
    '/complaints/:trackingNumber/rating',
    {
      schema: {
        summary: 'Rate the handling once the complaint is closed (评价), once',
        tags: COMPLAINT_TAGS,
        security: OPTIONAL_BEARER,
        params: TrackingParams,
        headers: ReporterHeaders,
        body: RatingBody,
        response: { 200: ComplaintView, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request, reply) => act(request, reply, (complaint, userId) => rateHandling(db, complaint, userId, request.body)),
  )
}
