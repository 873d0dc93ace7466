import { Type } from '@sinclair/typebox'
import type { FastifyRequest } from 'fastify'
import { AdminComplaintQuery } from '../../../types/complaints'

export const COMPLAINT_TAGS = ['complaints']

export const SECRET_HEADER = 'x-complaint-secret'

export const FilingHeaders = Type.Object({
  'idempotency-key': Type.String({ format: 'uuid', description: 'a UUID the app keeps with its draft; a retry with it never files twice' }),
})
export const ReporterHeaders = Type.Object({
  [SECRET_HEADER]: Type.Optional(Type.String({ maxLength: 64, description: 'the secret shown at filing; or send the sign-in token' })),
})
export const MyComplaintsQuery = Type.Pick(AdminComplaintQuery, ['page', 'pageSize'])

/** The request as logged, without the client address: a complaint is never stored or logged with the reporter's IP. */
export const withoutAddress = { req: (req: FastifyRequest) => ({ method: req.method, url: req.url }) }
