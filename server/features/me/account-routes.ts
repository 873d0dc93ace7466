import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Me, MeExport } from '../../../types/me'
import { chinaToday } from '../../shared/china-time'
import { erasePersonalData, exportPersonalData } from '../../shared/personal-data'
import { BEARER, NoContent, errorResponses } from '../../shared/route-schemas'
import { deleteAccountOf, exportAccount, me, type HeldElsewhere } from './account-service'
import { ME_TAGS } from './route-options'

export const accountRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database
  const elsewhere: HeldElsewhere = {
    export: (userId) => exportPersonalData(app, userId),
    erase: (trx, userId) => erasePersonalData(app, trx, userId),
  }

  app.get(
    '/me',
    {
      onRequest: app.authenticate,
      schema: {
        summary: 'The signed-in user: masked phone, roles, consent status',
        tags: ME_TAGS,
        security: BEARER,
        response: { 200: Me, ...errorResponses(401) },
      },
    },
    async (request) => me(db, request.userId),
  )

  app.get(
    '/me/export',
    {
      onRequest: app.authenticate,
      schema: {
        summary: 'Download everything held about the user (PIPL right of access and copy)',
        tags: ME_TAGS,
        security: BEARER,
        response: { 200: MeExport, ...errorResponses(401) },
      },
    },
    async (request, reply) => {
      const data = await exportAccount(db, request.userId, elsewhere)
      reply.header('content-disposition', `attachment; filename="jilin-tuoyu-export-${chinaToday().replace(/-/g, '')}.json"`)
      reply.header('cache-control', 'no-store')
      return data
    },
  )

  app.delete(
    '/me',
    {
      onRequest: app.authenticate,
      schema: {
        summary: 'Delete the account and all personal data at once; the access token stops working',
        tags: ME_TAGS,
        security: BEARER,
        response: { 204: NoContent, ...errorResponses(401) },
      },
    },
    async (request, reply) => {
      await deleteAccountOf(db, request.userId, elsewhere)
      request.log.info({ userId: request.userId }, 'account deleted on request')
      return reply.code(204).send(null)
    },
  )
}
