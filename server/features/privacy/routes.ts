import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ErrorResponse } from '../../../types/common'
import { PrivacyPolicy, PrivacyPolicyParams } from '../../../types/privacy'
import { notFound } from '../../shared/http-errors'
import { findCurrentPolicy, findPolicy } from './repository'

export const privacyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database

  app.get('/privacy-policy', {
    schema: { summary: 'The current privacy policy, to show before consent', tags: ['privacy'], response: { 200: PrivacyPolicy, 404: ErrorResponse } },
  }, async () => {
    const policy = await findCurrentPolicy(db)
    if (!policy) throw notFound('尚未发布个人信息保护政策 (no policy published)')
    return policy
  })

  app.get('/privacy-policy/:version', {
    schema: {
      summary: 'One version of the privacy policy, e.g. the one a user accepted',
      tags: ['privacy'],
      params: PrivacyPolicyParams,
      response: { 200: PrivacyPolicy, 400: ErrorResponse, 404: ErrorResponse },
    },
  }, async (request) => {
    const policy = await findPolicy(db, request.params.version)
    if (!policy) throw notFound(`没有版本为 ${request.params.version} 的个人信息保护政策 (no such policy version)`)
    return policy
  })
}
