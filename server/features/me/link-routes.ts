import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { InstitutionIdParams, LinkBody, LinkedInstitution, LinkedInstitutionList } from '../../../types/me'
import { notFound } from '../../shared/http-errors'
import { BEARER, ME_TAGS, NoContent, errorResponses } from './route-options'
import { consumeInvitation, deleteLink, findInvitationInstitution, findLink, insertLinkIfAbsent, listLinks } from './repository'

const invalidCode = () => notFound('邀请码无效或已过期 (invitation code invalid or expired)')

export const linkRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database

  app.post('/me/institutions', {
    onRequest: app.authenticate,
    schema: {
      summary: "Link the account to the child's institution with its invitation code (201 new, 200 already linked)",
      tags: ME_TAGS, security: BEARER, body: LinkBody,
      response: { 200: LinkedInstitution, 201: LinkedInstitution, ...errorResponses(400, 401, 404) },
    },
  }, async (request, reply) => {
    const code = request.body.code.toUpperCase()
    const userId = request.userId
    const result = await db.transaction().execute(async (trx) => {
      const invitation = await findInvitationInstitution(trx, code)
      if (!invitation) throw invalidCode()
      const linked = await insertLinkIfAbsent(trx, { userId, institutionId: invitation.institutionId, invitationCode: code })
      // Linking again is not a second use of the code. Throwing here rolls the new link back.
      if (linked && !(await consumeInvitation(trx, code))) throw invalidCode()
      const link = await findLink(trx, userId, invitation.institutionId)
      return { created: linked, link: link! }
    })
    return reply.code(result.created ? 201 : 200).send(result.link)
  })

  app.get('/me/institutions', {
    onRequest: app.authenticate,
    schema: { summary: 'Institutions the account is linked to', tags: ME_TAGS, security: BEARER, response: { 200: LinkedInstitutionList, ...errorResponses(401) } },
  }, async (request) => ({ items: await listLinks(db, request.userId) }))

  app.delete('/me/institutions/:institutionId', {
    onRequest: app.authenticate,
    schema: {
      summary: 'Unlink an institution (idempotent)',
      tags: ME_TAGS, security: BEARER, params: InstitutionIdParams,
      response: { 204: NoContent, ...errorResponses(400, 401) },
    },
  }, async (request, reply) => {
    await deleteLink(db, request.userId, request.params.institutionId)
    return reply.code(204).send(null)
  })
}
