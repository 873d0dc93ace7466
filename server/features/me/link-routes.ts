import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { InstitutionIdParams, LinkBody, LinkedInstitution, LinkedInstitutionList } from '../../../types/me'
import { BEARER, NoContent, errorResponses } from '../../shared/route-schemas'
import { linkByInvitation, linkedInstitutions, unlink } from './link-service'
import { ME_TAGS } from './route-options'

export const linkRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database

  app.post(
    '/me/institutions',
    {
      onRequest: app.authenticate,
      schema: {
        summary: "Link the account to the child's institution with its invitation code (201 new, 200 already linked)",
        tags: ME_TAGS,
        security: BEARER,
        body: LinkBody,
        response: { 200: LinkedInstitution, 201: LinkedInstitution, ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const result = await linkByInvitation(db, request.userId, request.body.code)
      return reply.code(result.created ? 201 : 200).send(result.link)
    },
  )

  app.get(
    '/me/institutions',
    {
      onRequest: app.authenticate,
      schema: {
        summary: 'Institutions the account is linked to',
        tags: ME_TAGS,
        security: BEARER,
        response: { 200: LinkedInstitutionList, ...errorResponses(401) },
      },
    },
    async (request) => linkedInstitutions(db, request.userId),
  )

  app.delete(
    '/me/institutions/:institutionId',
    {
      onRequest: app.authenticate,
      schema: {
        summary: 'Unlink an institution (idempotent)',
        tags: ME_TAGS,
        security: BEARER,
        params: InstitutionIdParams,
        response: { 204: NoContent, ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => {
      await unlink(db, request.userId, request.params.institutionId)
      return reply.code(204).send(null)
    },
  )
}
