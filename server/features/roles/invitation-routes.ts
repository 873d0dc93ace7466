import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { InstitutionParams } from '../../../types/institutions'
import { CreateInvitationBody, Invitation, InvitationList, InvitationParams } from '../../../types/roles'
import { forbidden, regulatesCity } from '../../shared/auth'
import { notFound } from '../../shared/http-errors'
import { newInvitationCode } from './invitation-code'
import { BEARER, NoContent, ROLES_TAGS, errorResponses } from './route-options'
import { findInstitutionScope, insertInvitation, listActiveInvitations, revokeInvitation } from './repository'

const DAY_MS = 24 * 3600 * 1000

export const invitationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database
  const committeeOrRegulator = app.requireRole('committee', 'regulator')

  /** The institution's own committee, or a regulator of its 市州, manages its codes. */
  async function manageableInstitution(request: FastifyRequest, rawId: string) {
    const institution = await findInstitutionScope(db, rawId.toLowerCase())
    if (!institution) throw notFound(`未找到机构 ${rawId} (institution not found)`)
    const ownCommittee = request.grants.some((g) => g.role === 'committee' && g.institutionId === institution.id)
    if (!ownCommittee && !regulatesCity(request.grants, institution.cityCode)) {
      throw forbidden('只有该机构的家长委员会成员或所在市州的监管人员可以管理邀请码 (not your institution)')
    }
    return institution
  }

  app.post('/institutions/:id/invitations', {
    onRequest: committeeOrRegulator,
    schema: {
      summary: 'Create an invitation code parents use to link their account to this institution',
      tags: ROLES_TAGS, security: BEARER, params: InstitutionParams, body: CreateInvitationBody,
      response: { 201: Invitation, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    const institution = await manageableInstitution(request, request.params.id)
    const expiresAt = new Date(Date.now() + (request.body.validDays ?? 30) * DAY_MS).toISOString()
    // 32^8 codes: a clash is rare, so a few fresh draws are plenty.
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const invitation = await insertInvitation(db, {
        code: newInvitationCode(), institutionId: institution.id, createdBy: request.userId, expiresAt, maxUses: request.body.maxUses ?? 100,
      })
      if (invitation) return reply.code(201).send(invitation)
    }
    throw new Error('could not draw a free invitation code')
  })

  app.get('/institutions/:id/invitations', {
    onRequest: committeeOrRegulator,
    schema: {
      summary: 'Active invitation codes of this institution (not revoked, not expired, uses left)',
      tags: ROLES_TAGS, security: BEARER, params: InstitutionParams,
      response: { 200: InvitationList, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request) => {
    const institution = await manageableInstitution(request, request.params.id)
    return { items: await listActiveInvitations(db, institution.id) }
  })

  app.delete('/institutions/:id/invitations/:code', {
    onRequest: committeeOrRegulator,
    schema: {
      summary: 'Revoke an invitation code; links already made stay',
      tags: ROLES_TAGS, security: BEARER, params: InvitationParams,
      response: { 204: NoContent, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    const institution = await manageableInstitution(request, request.params.id)
    if (!(await revokeInvitation(db, institution.id, request.params.code.toUpperCase()))) throw notFound('未找到该邀请码 (invitation code not found)')
    return reply.code(204).send(null)
  })
}
