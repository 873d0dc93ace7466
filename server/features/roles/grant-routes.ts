import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { GrantList, GrantListQuery, GrantParams, GrantRecord, GrantRoleBody } from '../../../types/roles'
import { BEARER, errorResponses } from '../../shared/route-schemas'
import { grantRole, grantsVisibleTo, revokeRole } from './grant-service'
import { ROLES_TAGS } from './route-options'

export const grantRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database
  const cityCodes = new Set(app.reference.cities.map((c) => c.code))
  const asRegulator = app.requireRole('regulator')

  app.post(
    '/admin/roles',
    {
      onRequest: asRegulator,
      schema: {
        summary: 'Grant a role within the 市州 you regulate (a provincial regulator: anywhere)',
        tags: ROLES_TAGS,
        security: BEARER,
        body: GrantRoleBody,
        response: { 201: GrantRecord, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const grant = await grantRole(db, request, request.body, cityCodes)
      request.log.info({ grantId: grant.id, role: grant.role, grantedBy: request.userId }, 'role granted')
      return reply.code(201).send(grant)
    },
  )

  app.delete(
    '/admin/roles/:id',
    {
      onRequest: asRegulator,
      schema: {
        summary: 'Revoke a grant within your 市州; the record stays (revokedAt, revokedBy)',
        tags: ROLES_TAGS,
        security: BEARER,
        params: GrantParams,
        response: { 200: GrantRecord, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const grant = await revokeRole(db, request, request.params.id)
      request.log.info({ grantId: grant.id, revokedBy: request.userId }, 'role revoked')
      return grant
    },
  )

  app.get(
    '/admin/roles',
    {
      onRequest: asRegulator,
      schema: {
        summary: 'Grants within your 市州, revoked ones included, newest first',
        tags: ROLES_TAGS,
        security: BEARER,
        querystring: GrantListQuery,
        response: { 200: GrantList, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => grantsVisibleTo(db, request, request.query, cityCodes),
  )
}
