import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { InstitutionParams } from '../../../types/institutions'
import { CreateInvitationBody, Invitation, InvitationList, InvitationParams } from '../../../types/roles'
import { BEARER, NoContent, errorResponses } from '../../shared/route-schemas'
import { activeInvitations, createInvitation, revokeInvitationCode } from './invitation-service'
import { ROLES_TAGS } from './route-options'

export const invitationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database
  const committeeOrRegulator = app.requireRole('committee', 'regulator')

  app.post(
    '/institutions/:id/invitations',
    {
      onRequest: committeeOrRegulator,
      schema: {
        summary: 'Create an invitation code parents use to link their account to this institution',
        tags: ROLES_TAGS,
        security: BEARER,
        params: InstitutionParams,
        body: CreateInvitationBody,
        response: { 201: Invitation, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => reply.code(201).send(await createInvitation(db, request, request.params.id, request.body)),
  )

  app.get(
    '/institutions/:id/invitations',
    {
      onRequest: committeeOrRegulator,
      schema: {
        summary: 'Active invitation codes of this institution (not revoked, not expired, uses left)',
        tags: ROLES_TAGS,
        security: BEARER,
        params: InstitutionParams,
        response: { 200: InvitationList, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => activeInvitations(db, request, request.params.id),
  )

  app.delete(
    '/institutions/:id/invitations/:code',
    {
      onRequest: committeeOrRegulator,
      schema: {
        summary: 'Revoke an invitation code; links already made stay',
        tags: ROLES_TAGS,
        security: BEARER,
        params: InvitationParams,
        response: { 204: NoContent, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await revokeInvitationCode(db, request, request.params.id, request.params.code)
      return reply.code(204).send(null)
    },
  )
}
