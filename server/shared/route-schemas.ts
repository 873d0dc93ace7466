import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { ErrorResponse } from '../../types/common'

/** OpenAPI security of a route that needs the sign-in token. */
export const BEARER: Array<Record<string, string[]>> = [{ bearer: [] }]
/** Works without a token too (an empty requirement); with one, the answer includes what concerns the asker. */
export const OPTIONAL_BEARER: Array<Record<string, string[]>> = [{}, { bearer: [] }]

export const NoContent = Type.Null({ description: 'No content' })

/** Response schemas for the listed error codes, each an ErrorResponse. */
export function errorResponses<const C extends number>(...codes: C[]): { [K in C]: typeof ErrorResponse } {
  return Object.fromEntries(codes.map((code) => [code, ErrorResponse])) as { [K in C]: typeof ErrorResponse }
}

/**
 * onRequest for public routes that say more to a signed-in user: without a token the request goes on anonymously;
 * a token that is presented must be valid (401), so an expired one is refreshed by the app instead of silently ignored.
 */
export const optionalUser = (app: FastifyInstance) => async (request: FastifyRequest, reply: FastifyReply) => {
  if (request.headers.authorization) await app.authenticate(request, reply)
}

/**
 * Schemas of a resource's actions (POST …/:id/<action>), made by `action(summary, body)`: each its own summary and
 * body; all with the same params and tags, answering with the resource as it now stands (409: not in this state).
 */
export function actionSchemas<P, R>(common: { tags: string[]; params: P; answer: R }) {
  return <B>(summary: string, body: B) => ({
    summary,
    tags: common.tags,
    security: BEARER,
    params: common.params,
    body,
    response: { 200: common.answer, ...errorResponses(400, 401, 403, 404, 409) },
  })
}
