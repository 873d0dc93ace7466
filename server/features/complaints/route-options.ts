import { Type } from '@sinclair/typebox'
import type { FastifyRequest } from 'fastify'
import { ErrorResponse } from '../../../types/common'
import { AdminComplaintQuery } from '../../../types/complaints'

export const COMPLAINT_TAGS = ['complaints']
export const BEARER: Array<Record<string, string[]>> = [{ bearer: [] }]
/** Works without a token too (OpenAPI: an empty requirement); with one, the account is recognised. */
export const OPTIONAL_BEARER: Array<Record<string, string[]>> = [{}, { bearer: [] }]

export const SECRET_HEADER = 'x-complaint-secret'

export const FilingHeaders = Type.Object({
  'idempotency-key': Type.String({ format: 'uuid', description: 'a UUID the app keeps with its draft; a retry with it never files twice' }),
})
export const ReporterHeaders = Type.Object({
  [SECRET_HEADER]: Type.Optional(Type.String({ maxLength: 64, description: 'the secret shown at filing; or send the sign-in token' })),
})
export const MyComplaintsQuery = Type.Pick(AdminComplaintQuery, ['page', 'pageSize'])

/** Response schemas for the listed error codes, each an ErrorResponse. */
export function errorResponses<const C extends number>(...codes: C[]): { [K in C]: typeof ErrorResponse } {
  return Object.fromEntries(codes.map((code) => [code, ErrorResponse])) as { [K in C]: typeof ErrorResponse }
}

/** The request as logged, without the client address: a complaint is never stored or logged with the reporter's IP. */
export const withoutAddress = { req: (req: FastifyRequest) => ({ method: req.method, url: req.url }) }
