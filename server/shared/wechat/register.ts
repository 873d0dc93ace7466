import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { wechatClient, type Suggest, type WechatClient } from './client'

/** What a feature does when WeChat's verdict on one of its images arrives (hide it when risky). Must be idempotent. */
export type MediaCheckHandler = (db: Kysely<Database>, subjectId: string, verdict: { suggest: Suggest; label: number | null }) => Promise<void>

declare module 'fastify' {
  interface FastifyInstance {
    /** The one WeChat server API client (one access token for every call). */
    wechat: WechatClient
    /** Per subject kind (e.g. 'notice_image'), what to do with an image check's verdict. */
    mediaCheckHandlers: Map<string, MediaCheckHandler>
  }
}

/** Called once by buildApp, before the features, which register their media-check handlers with onMediaCheckResult. */
export function registerWechat(app: FastifyInstance): void {
  app.decorate(
    'wechat',
    wechatClient(() => app.settings.wechat),
  )
  app.decorate('mediaCheckHandlers', new Map<string, MediaCheckHandler>())
}

export function onMediaCheckResult(app: FastifyInstance, kind: string, handler: MediaCheckHandler): void {
  app.mediaCheckHandlers.set(kind, handler)
}
