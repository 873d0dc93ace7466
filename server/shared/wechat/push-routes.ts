import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ErrorResponse } from '../../../types/common'
import { ClientError } from '../http-errors'
import { recordMediaCheckResult } from './media-checks'
import { isSignedPush, mediaCheckResultOf } from './push'

const tags = ['wechat']
const Signed = {
  signature: Type.Optional(Type.String({ maxLength: 64 })),
  timestamp: Type.Optional(Type.String({ maxLength: 20 })),
  nonce: Type.Optional(Type.String({ maxLength: 64 })),
}
const VerifyQuery = Type.Object({ ...Signed, echostr: Type.Optional(Type.String({ maxLength: 200 })) })
const EventQuery = Type.Object({
  ...Signed,
  openid: Type.Optional(Type.String()),
  encrypt_type: Type.Optional(Type.String()),
  msg_signature: Type.Optional(Type.String()),
})

const forged = () => new ClientError(403, '签名无效 (the push is not signed with the configured WECHAT_PUSH_TOKEN)')

/**
 * WeChat's message push URL (set in the admin console as https://<PUBLIC_BASE_URL>/api/wechat/events, plaintext mode,
 * JSON format, with WECHAT_PUSH_TOKEN). Today it receives the verdicts of image checks (wxa_media_check).
 */
export const wechatPushRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // WeChat's content type varies with the console's settings: take the body as text and read the JSON here.
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_request, body, done) => done(null, body))

  const token = () => {
    const configured = app.settings.wechatCallbacks?.pushToken
    if (!configured) throw new ClientError(404, '未配置微信消息推送 (WECHAT_PUSH_TOKEN is not set)')
    return configured
  }

  app.get(
    '/wechat/events',
    {
      schema: {
        summary: "WeChat's check of the push URL: echoes echostr when the signature matches the push token",
        tags,
        querystring: VerifyQuery,
        response: { 200: Type.String(), 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      if (!isSignedPush(token(), request.query)) throw forged()
      return reply.type('text/plain; charset=utf-8').send(request.query.echostr ?? '')
    },
  )

  app.post(
    '/wechat/events',
    {
      schema: {
        summary: 'An event pushed by WeChat (JSON format, signed): wxa_media_check verdicts hide risky images',
        tags,
        querystring: EventQuery,
        response: { 200: Type.String(), 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      if (!isSignedPush(token(), request.query)) {
        request.log.warn({ ip: request.ip }, 'WeChat push refused: bad signature')
        throw forged()
      }
      if (request.query.encrypt_type === 'aes') throw new ClientError(400, '请在小程序后台将消息加密方式设为明文模式 (only plaintext mode is supported)')
      let event: unknown
      try {
        event = JSON.parse(String(request.body ?? ''))
      } catch {
        throw new ClientError(400, '推送内容不是 JSON (the push body is not JSON)')
      }
      const result = mediaCheckResultOf(event)
      if (result) {
        if (result.appid && result.appid !== app.settings.wechat.appId) throw forged()
        const landed = await recordMediaCheckResult(app, result)
        request.log.info({ traceId: result.traceId, suggest: result.suggest, label: result.label, landed }, 'WeChat image check verdict')
      }
      // WeChat retries anything but a quick 'success'.
      return reply.type('text/plain; charset=utf-8').send('success')
    },
  )
}
