import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { PrivacyPolicy, PrivacyPolicyParams } from '../../../types/privacy'
import { errorResponses } from '../../shared/route-schemas'
import { currentPolicy, policyVersion } from './policy-service'

export const privacyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database

  app.get(
    '/privacy-policy',
    {
      schema: { summary: 'The current privacy policy, to show before consent', tags: ['privacy'], response: { 200: PrivacyPolicy, ...errorResponses(404) } },
    },
    async () => currentPolicy(db),
  )

  app.get(
    '/privacy-policy/:version',
    {
      schema: {
        summary: 'One version of the privacy policy, e.g. the one a user accepted',
        tags: ['privacy'],
        params: PrivacyPolicyParams,
        response: { 200: PrivacyPolicy, ...errorResponses(400, 404) },
      },
    },
    async (request) => policyVersion(db, request.params.version),
  )
}
