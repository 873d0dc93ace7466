import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { ErrorResponse } from '../../../types/common'
import type { ActiveGrant } from '../../shared/auth'

export const CLASS_TAGS = ['classes']
export const CENTRE_TAGS = ['centre']
export const BEARER: Array<Record<string, string[]>> = [{ bearer: [] }]
/** Public, or signed in: the answer then includes what concerns the asker. */
export const OPTIONAL_BEARER: Array<Record<string, string[]>> = [{}, { bearer: [] }]

/** Response schemas for the listed error codes, each an ErrorResponse. */
export function errorResponses<const C extends number>(...codes: C[]): { [K in C]: typeof ErrorResponse } {
  return Object.fromEntries(codes.map((code) => [code, ErrorResponse])) as { [K in C]: typeof ErrorResponse }
}

/**
 * onRequest for public routes that say more to a signed-in parent: without a token the request goes on anonymously;
 * a token that is presented must be valid (401), so an expired one is refreshed by the app instead of silently ignored.
 */
export const optionalUser = (app: FastifyInstance) => async (request: FastifyRequest, reply: FastifyReply) => {
  if (request.headers.authorization) await app.authenticate(request, reply)
}

/** The centres a staff member works for (grants of role centre_staff). */
export const staffCentreIds = (grants: ActiveGrant[]) =>
  grants.filter((g) => g.role === 'centre_staff' && g.centreId).map((g) => g.centreId!)
