import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { notFound } from '../../shared/http-errors'
import type { ComplaintRow } from './repository'
import { secretMatches } from './secrets'
import { SECRET_HEADER } from './route-options'
import { findComplaint } from './views'

export interface ReporterAccess {
  complaint: ComplaintRow
  /** Set when the reporter came in with their sign-in token (never for an anonymous complaint). */
  userId: string | null
}

/** Anyone who is not the reporter gets the same answer as for a complaint that does not exist. */
const notYours = () => notFound('未找到该投诉，或查询密码不正确 (no such complaint, or the secret does not match)')

/**
 * The reporter is whoever holds the secret, or the signed-in account that filed it non-anonymously. Another parent,
 * a wrong secret or no credentials at all: 404, so a tracking number alone reveals nothing, not even that it exists.
 */
export async function reporterAccess(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  trackingNumber: string,
  secret?: string,
): Promise<ReporterAccess> {
  const complaint = await findComplaint(app.database.db, trackingNumber)
  const givenSecret = secret ?? request.headers[SECRET_HEADER]
  if (typeof givenSecret === 'string' && givenSecret && complaint && secretMatches(givenSecret, complaint.secretHash)) {
    return { complaint, userId: null }
  }
  if (request.headers.authorization) {
    await app.authenticate(request, reply)
    if (complaint && complaint.reporterUserId !== null && complaint.reporterUserId === request.userId) {
      return { complaint, userId: request.userId }
    }
  }
  throw notYours()
}
