import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { PhoneCodeRequestBody, PhoneCodeSent, PhoneSignInBody, RefreshBody, SessionTokens, WechatPhoneSignInBody, WechatSignInBody } from '../../../types/auth'
import { ClientError } from '../../shared/http-errors'
import { IP_LIMITS, registerIpLimits } from '../../shared/ip-limits'
import { BEARER, NoContent, errorResponses } from '../../shared/route-schemas'
import { CODE_VALID_SECONDS, RESEND_AFTER_SECONDS, maskPhone, requestCode } from './phone-code-service'
import { endSession, refreshSession } from './session-service'
import { signInWithPhone, signInWithWechat, signInWithWechatPhone } from './sign-in-service'

const SessionInfo = Type.Object({ userId: Type.String({ format: 'uuid' }) })
const tags = ['auth']

export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await registerIpLimits(app)

  app.post(
    '/auth/wechat',
    {
      schema: {
        summary: 'Sign in with a wx.login() code',
        tags,
        body: WechatSignInBody,
        response: { 200: SessionTokens, ...errorResponses(400, 401, 429, 502) },
      },
      config: { rateLimit: IP_LIMITS.signIns },
    },
    async (request) => signInWithWechat(app, request.body.code, request.log),
  )

  app.post(
    '/auth/wechat/phone',
    {
      schema: {
        summary: '微信手机号快捷登录: the getPhoneNumber button code and a wx.login() code (mini-program only)',
        tags,
        body: WechatPhoneSignInBody,
        response: { 200: SessionTokens, ...errorResponses(400, 401, 429, 502) },
      },
      config: { rateLimit: IP_LIMITS.signIns },
    },
    async (request) => signInWithWechatPhone(app, request.body, request.log),
  )

  app.post(
    '/auth/phone/code',
    {
      schema: {
        summary: 'Send a one-time sign-in code by SMS',
        tags,
        body: PhoneCodeRequestBody,
        response: { 200: PhoneCodeSent, ...errorResponses(400, 429, 502, 503) },
      },
      config: { rateLimit: IP_LIMITS.codeRequests },
    },
    async (request, reply) => {
      const { phone } = request.body
      const result = await requestCode(app, phone, request.ip)
      if (!result.sent) {
        reply.header('retry-after', result.retryAfterSeconds)
        throw new ClientError(429, result.message)
      }
      request.log.info({ phone: maskPhone(phone) }, 'sign-in code sent')
      return { sentTo: maskPhone(phone), expiresInSeconds: CODE_VALID_SECONDS, resendAfterSeconds: RESEND_AFTER_SECONDS }
    },
  )

  app.post(
    '/auth/phone',
    {
      schema: {
        summary: 'Sign in with a phone number and its one-time code',
        tags,
        body: PhoneSignInBody,
        response: { 200: SessionTokens, ...errorResponses(400, 401, 429) },
      },
      config: { rateLimit: IP_LIMITS.signIns },
    },
    async (request) => signInWithPhone(app, request.body.phone, request.body.code),
  )

  app.post(
    '/auth/refresh',
    {
      schema: {
        summary: 'New tokens for a refresh token, which stops working (rotation)',
        tags,
        body: RefreshBody,
        response: { 200: SessionTokens, ...errorResponses(400, 401, 429) },
      },
      config: { rateLimit: IP_LIMITS.refreshes },
    },
    async (request) => refreshSession(app, request.body.refreshToken),
  )

  app.post(
    '/auth/logout',
    {
      schema: {
        summary: 'Sign out: ends the session of the refresh token and its access tokens',
        tags,
        body: RefreshBody,
        response: { 204: NoContent, ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      await endSession(app, request.body.refreshToken)
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/auth/session',
    {
      schema: {
        summary: 'Who the access token belongs to (the simplest signed-in call)',
        tags,
        security: BEARER,
        response: { 200: SessionInfo, ...errorResponses(401) },
      },
      preHandler: app.authenticate,
    },
    async (request) => ({ userId: request.userId }),
  )
}
