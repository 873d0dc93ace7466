import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { FileComplaintBody, FiledComplaint } from '../../../types/complaints'
import { OPTIONAL_BEARER, errorResponses } from '../../shared/route-schemas'
import { checkAnonymity, idempotencyKeyOf } from './filing-rules'
import { fileComplaint, type FilingSettings } from './filing-service'
import { COMPLAINT_TAGS, FilingHeaders, withoutAddress } from './route-options'

export const filingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database
  const cityCodes = new Set(app.reference.cities.map((c) => c.code))
  const settings = (): FilingSettings => ({ jwtSecret: app.settings.jwtSecret, deadlines: app.settings.complaints, cityCodes })

  app.post(
    '/complaints',
    {
      logSerializers: withoutAddress,
      preValidation: async (request) => {
        idempotencyKeyOf(request.headers['idempotency-key'])
      },
      schema: {
        summary: 'File a complaint or report (投诉举报), signed in or not, anonymously or not; returns the tracking number and secret',
        tags: COMPLAINT_TAGS,
        security: OPTIONAL_BEARER,
        headers: FilingHeaders,
        body: FileComplaintBody,
        response: { 200: FiledComplaint, 201: FiledComplaint, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      const body = request.body
      const idempotencyKey = idempotencyKeyOf(request.headers['idempotency-key'])
      checkAnonymity(body)
      // An anonymous filing never looks at the token: the complaint must not be linkable to the account.
      if (!body.anonymous && request.headers.authorization) await app.authenticate(request, reply)
      const reporterUserId = !body.anonymous && request.userId ? request.userId : null

      const { complaint, answer, created } = await fileComplaint(db, settings(), { body, idempotencyKey, reporterUserId })
      if (!created) return reply.code(200).send(answer)
      request.log.info({ trackingNumber: complaint.trackingNumber, category: complaint.category, urgent: complaint.urgent }, 'complaint filed')
      return reply.code(201).send(answer)
    },
  )
}
