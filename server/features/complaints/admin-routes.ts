import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import {
  AdminComplaintQuery,
  AssignBody,
  CloseBody,
  ComplaintList,
  NoteBody,
  RegulatorComplaintView,
  RejectBody,
  ReplyBody,
  TrackingParams,
} from '../../../types/complaints'
import { emptyBodyAsObject } from '../../shared/empty-body'
import { badRequest } from '../../shared/http-errors'
import { BEARER, actionSchemas, errorResponses } from '../../shared/route-schemas'
import {
  acceptComplaint,
  assignComplaint,
  closeComplaint,
  publishSanction,
  rejectComplaint,
  replyToComplaint,
  startHandling,
  type Regulator,
} from './handling-service'
import { citiesCoveredBy, regulatedComplaint } from './regulator-access'
import type { ComplaintRow } from './repository'
import { COMPLAINT_TAGS } from './route-options'
import { complaintList, regulatorView } from './views'

export const adminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database
  const cityCodes = new Set(app.reference.cities.map((c) => c.code))
  const asRegulator = app.requireRole('regulator')
  const view = (trackingNumber: string) => regulatorView(db, app.settings.jwtSecret, trackingNumber)
  const complaintOf = (request: FastifyRequest, trackingNumber: string) => regulatedComplaint(db, request.grants, trackingNumber)

  /** Every action: the complaint of the regulator's 市州, the step taken by them, the complaint as it now stands. */
  const act = async (request: FastifyRequest & { params: { trackingNumber: string } }, step: (by: Regulator, complaint: ComplaintRow) => Promise<void>) => {
    const complaint = await complaintOf(request, request.params.trackingNumber)
    await step({ userId: request.userId, log: request.log }, complaint)
    return view(complaint.trackingNumber)
  }

  const actionSchema = actionSchemas({ tags: COMPLAINT_TAGS, params: TrackingParams, answer: RegulatorComplaintView })

  app.get(
    '/admin/complaints',
    {
      onRequest: asRegulator,
      schema: {
        summary: 'Complaints of the 市州 you regulate, urgent first, then oldest first',
        tags: COMPLAINT_TAGS,
        security: BEARER,
        querystring: AdminComplaintQuery,
        response: { 200: ComplaintList, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { cityCode } = request.query
      if (cityCode !== undefined && !cityCodes.has(cityCode)) throw badRequest('cityCode', `未知的市州代码 ${cityCode} (not a 市州 code)`)
      return complaintList(db, { cities: citiesCoveredBy(request.grants), query: request.query }, 'urgent_then_oldest')
    },
  )

  app.get(
    '/admin/complaints/:trackingNumber',
    {
      onRequest: asRegulator,
      schema: {
        summary: 'A complaint with the contact phone (when given) and the state of its forwarding to departments',
        tags: COMPLAINT_TAGS,
        security: BEARER,
        params: TrackingParams,
        response: { 200: RegulatorComplaintView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const complaint = await complaintOf(request, request.params.trackingNumber)
      reply.header('cache-control', 'no-store')
      return view(complaint.trackingNumber)
    },
  )

  app.post(
    '/admin/complaints/:trackingNumber/accept',
    {
      onRequest: asRegulator,
      preValidation: emptyBodyAsObject,
      schema: actionSchema('Accept (受理): forwards the complaint to its departments', NoteBody),
    },
    async (request) => act(request, (by, complaint) => acceptComplaint(db, by, complaint, request.body.note)),
  )

  app.post(
    '/admin/complaints/:trackingNumber/reject',
    {
      onRequest: asRegulator,
      schema: actionSchema('Reject (不予受理) with the reason the reporter will see', RejectBody),
    },
    async (request) => act(request, (by, complaint) => rejectComplaint(db, by, complaint, request.body.reason)),
  )

  app.post(
    '/admin/complaints/:trackingNumber/assign',
    {
      onRequest: asRegulator,
      schema: actionSchema('Assign (派单) to a department of the 市州; it is forwarded there', AssignBody),
    },
    async (request) => act(request, (by, complaint) => assignComplaint(db, by, complaint, request.body.department, request.body.note)),
  )

  app.post(
    '/admin/complaints/:trackingNumber/progress',
    {
      onRequest: asRegulator,
      preValidation: emptyBodyAsObject,
      schema: actionSchema('Start handling (办理中)', NoteBody),
    },
    async (request) => act(request, (by, complaint) => startHandling(db, by, complaint, request.body.note)),
  )

  app.post(
    '/admin/complaints/:trackingNumber/reply',
    {
      onRequest: asRegulator,
      schema: actionSchema('Reply to the reporter (答复)', ReplyBody),
    },
    async (request) => act(request, (by, complaint) => replyToComplaint(db, by, complaint, request.body.reply)),
  )

  app.post(
    '/admin/complaints/:trackingNumber/close',
    {
      onRequest: asRegulator,
      schema: actionSchema('Close (办结) with the outcome; a sanction against the institution is published separately', CloseBody),
    },
    async (request) => act(request, (by, complaint) => closeComplaint(db, by, complaint, request.body)),
  )

  app.post(
    '/admin/complaints/:trackingNumber/publish-sanction',
    {
      onRequest: asRegulator,
      preValidation: emptyBodyAsObject,
      schema: actionSchema("Publish the sanction on the institution's public page (no complainant details)", NoteBody),
    },
    async (request) => act(request, (by, complaint) => publishSanction(db, by, complaint, request.body.note)),
  )
}
