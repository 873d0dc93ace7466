import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { ErrorResponse } from '../../../types/common'
import { activeGrants } from '../../shared/auth'

export const NOTICE_TAGS = ['notices']
export const BEARER: Array<Record<string, string[]>> = [{ bearer: [] }]

export const ImageParams = Type.Object({ id: Type.String({ format: 'uuid' }) })
export const SignedQuery = Type.Object({ expires: Type.Integer(), sig: Type.String({ minLength: 1, maxLength: 100 }) })

/** Response schemas for the listed error codes, each an ErrorResponse. */
export function errorResponses<const C extends number>(...codes: C[]): { [K in C]: typeof ErrorResponse } {
  return Object.fromEntries(codes.map((code) => [code, ErrorResponse])) as { [K in C]: typeof ErrorResponse }
}

/** onRequest: authenticate and load the caller's active grants (whatever they are: parents have none). */
export const withGrants = (app: FastifyInstance) => async (request: FastifyRequest, reply: FastifyReply) => {
  await app.authenticate(request, reply)
  request.grants = await activeGrants(app, request.userId)
}
