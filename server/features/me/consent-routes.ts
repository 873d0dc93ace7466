import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ConsentBody, ConsentChange } from '../../../types/me'
import { BEARER, errorResponses } from '../../shared/route-schemas'
import { changeConsent } from './consent-service'
import { ME_TAGS } from './route-options'

export const consentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database

  app.post(
    '/me/consents',
    {
      onRequest: app.authenticate,
      schema: {
        summary: 'Accept or withdraw consent to the current policy or to child data; withdrawing child data deletes the children',
        tags: ME_TAGS,
        security: BEARER,
        body: ConsentBody,
        response: { 200: ConsentChange, ...errorResponses(400, 401, 409) },
      },
    },
    async (request) => changeConsent(db, request.userId, request.body),
  )
}
