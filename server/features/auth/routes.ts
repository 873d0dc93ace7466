import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { PhoneCodeRequestBody, PhoneCodeSent, PhoneSignInBody, RefreshBody, SessionTokens, WechatPhoneSignInBody, WechatSignInBody } from '../../../types/auth'
import { ErrorResponse } from '../../../types/common'
import { ClientError } from '../../shared/http-errors'
import { IP_LIMITS, registerIpLimits } from '../../shared/ip-limits'
import { CODE_VALID_SECONDS, RESEND_AFTER_SECONDS, maskPhone, requestCode, verifyCode } from './phone-codes'
import { findOrCreateUserByOpenid, findOrCreateUserByPhone, signInWithVerifiedPhone } from './repository'
import { endSession, issueSession, refreshSession } from './sessions'
import { openidOfLoginCode, phoneOfPhoneCode } from './wechat-sign-in'

const SessionInfo = Type.Object({ userId: Type.String({ format: 'uuid' }) })
const tags = ['auth']

export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await registerIpLimits(app)
  const { db } = app.database

  app.post('/auth/wechat', {
    schema: {
      summary: 'Sign in with a wx.login() code',
      tags,
      body: WechatSignInBody,
      response: { 200: SessionTokens, 400: ErrorResponse, 401: ErrorResponse, 429: ErrorResponse, 502: ErrorResponse },
    },
    config: { rateLimit: IP_LIMITS.signIns },
  }, async (request) => {
    const openid = await openidOfLoginCode(app, request.body.code, request.log)
    const user = await findOrCreateUserByOpenid(db, openid)
    return issueSession(app, user.id, 'wechat', user.isNew)
  })

  app.post('/auth/wechat/phone', {
    schema: {
      summary: '微信手机号快捷登录: the getPhoneNumber button code and a wx.login() code (mini-program only)',
      tags,
      body: WechatPhoneSignInBody,
      response: { 200: SessionTokens, 400: ErrorResponse, 401: ErrorResponse, 429: ErrorResponse, 502: ErrorResponse },
    },
    config: { rateLimit: IP_LIMITS.signIns },
  }, async (request) => {
    // Both codes are single-use and short-lived: exchange them together.
    const [phone, openid] = await Promise.all([
      phoneOfPhoneCode(app, request.body.phoneCode, request.log),
      openidOfLoginCode(app, request.body.loginCode, request.log),
    ])
    const user = await signInWithVerifiedPhone(db, phone, openid)
    request.log.info({ phone: maskPhone(phone), isNew: user.isNew, openidKeptElsewhere: user.openidKeptElsewhere }, 'signed in with WeChat phone number')
    return issueSession(app, user.id, 'wechat_phone', user.isNew)
  })

  app.post('/auth/phone/code', {
    schema: {
      summary: 'Send a one-time sign-in code by SMS',
      tags,
      body: PhoneCodeRequestBody,
      response: { 200: PhoneCodeSent, 400: ErrorResponse, 429: ErrorResponse, 502: ErrorResponse, 503: ErrorResponse },
    },
    config: { rateLimit: IP_LIMITS.codeRequests },
  }, async (request, reply) => {
    const { phone } = request.body
    const result = await requestCode(app, phone, request.ip)
    if (!result.sent) {
      reply.header('retry-after', result.retryAfterSeconds)
      throw new ClientError(429, result.message)
    }
    request.log.info({ phone: maskPhone(phone) }, 'sign-in code sent')
    return { sentTo: maskPhone(phone), expiresInSeconds: CODE_VALID_SECONDS, resendAfterSeconds: RESEND_AFTER_SECONDS }
  })

  app.post('/auth/phone', {
    schema: {
      summary: 'Sign in with a phone number and its one-time code',
      tags,
      body: PhoneSignInBody,
      response: { 200: SessionTokens, 400: ErrorResponse, 401: ErrorResponse, 429: ErrorResponse },
    },
    config: { rateLimit: IP_LIMITS.signIns },
  }, async (request) => {
    const { phone, code } = request.body
    await verifyCode(app, phone, code)
    const user = await findOrCreateUserByPhone(db, phone)
    return issueSession(app, user.id, 'phone', user.isNew)
  })

  app.post('/auth/refresh', {
    schema: {
      summary: 'New tokens for a refresh token, which stops working (rotation)',
      tags,
      body: RefreshBody,
      response: { 200: SessionTokens, 400: ErrorResponse, 401: ErrorResponse, 429: ErrorResponse },
    },
    config: { rateLimit: IP_LIMITS.refreshes },
  }, async (request) => refreshSession(app, request.body.refreshToken))

  app.post('/auth/logout', {
    schema: {
      summary: 'Sign out: ends the session of the refresh token and its access tokens',
      tags,
      body: RefreshBody,
      response: { 204: Type.Null(), 400: ErrorResponse },
    },
  }, async (request, reply) => {
    await endSession(app, request.body.refreshToken)
    return reply.code(204).send(null)
  })

  app.get('/auth/session', {
    schema: {
      summary: 'Who the access token belongs to (the simplest signed-in call)',
      tags,
      security: [{ bearer: [] }],
      response: { 200: SessionInfo, 401: ErrorResponse },
    },
    preHandler: app.authenticate,
  }, async (request) => ({ userId: request.userId }))
}
