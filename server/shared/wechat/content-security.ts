import type { FastifyInstance, FastifyBaseLogger } from 'fastify'
import { ClientError, badRequest } from '../http-errors'
import { WechatError, type SecurityScene } from './client'
import { openidOf, recordMediaCheckRequest } from './media-checks'

/**
 * WeChat content security (内容安全) for what users publish to other users.
 *
 * Texts go through msgSecCheck before they are stored: version 2 with the author's openid; version 1 (content only)
 * for an author WeChat cannot place: an account that signed in by phone on H5 and has no openid, or one WeChat has not
 * seen in the mini-program in the last two hours (61010). Nothing is published unchecked. 'risky' is refused naming the
 * field; 'review' is accepted and logged. When WeChat cannot answer, publishing is refused with 503: the app keeps the
 * text in its form, and the author sends it again later.
 *
 * Images go through mediaCheckAsync after upload; the verdict arrives later by push (/api/wechat/events).
 */

/** The scenes this service uses: 1 资料 (profile texts), 3 论坛 (posts such as notices and minutes). */
export const SCENE = { profile: 1, post: 3 } as const satisfies Record<string, SecurityScene>

export const RISKY_TEXT_MESSAGE = '内容含有违规信息，请修改后再发布'
export const checkUnavailable = () =>
  new ClientError(503, '内容安全检查暂时不可用，请稍后再发布（您填写的内容仍保留在页面上） (WeChat content security is unavailable)')

/** WeChat's labels of a risky verdict, for the author. */
const LABELS: Record<number, string> = {
  10001: '广告',
  20001: '时政',
  20002: '色情',
  20003: '辱骂',
  20006: '违法犯罪',
  20008: '欺诈',
  20012: '低俗',
  20013: '版权',
  21000: '其他违规',
}
export const labelName = (label: number | null): string => (label !== null && LABELS[label]) || '违规'

const logUnavailable = (log: FastifyBaseLogger, what: string, error: unknown) =>
  log.warn(
    { reason: error instanceof Error ? error.message : String(error), errcode: error instanceof WechatError ? error.errcode : undefined },
    `WeChat ${what} failed`,
  )

/**
 * Checks each non-empty field as its own text, so a refusal names the field. Throws 400 (risky) or 503 (WeChat
 * unavailable). The texts themselves are never logged.
 */
export async function assertTextsAllowed(
  app: FastifyInstance,
  log: FastifyBaseLogger,
  authorId: string,
  scene: SecurityScene,
  fields: Record<string, string | null | undefined>,
): Promise<void> {
  const texts = Object.entries(fields).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].trim() !== '')
  if (!texts.length) return
  const openid = await openidOf(app.database.db, authorId)
  let verdicts
  try {
    verdicts = await Promise.all(texts.map(([, content]) => app.wechat.msgSecCheck({ content, scene, openid })))
  } catch (error) {
    logUnavailable(log, 'msgSecCheck', error)
    throw checkUnavailable()
  }
  texts.forEach(([field], i) => {
    const { suggest, label, version } = verdicts[i]!
    if (suggest !== 'pass') log.info({ field, suggest, label, version }, 'content security verdict')
  })
  const risky = texts.findIndex((_, i) => verdicts[i]!.suggest === 'risky')
  if (risky >= 0) throw badRequest(texts[risky]![0], RISKY_TEXT_MESSAGE, 'content_risky')
}

/**
 * Asks WeChat to check an uploaded image it fetches from `mediaUrl` (a signed, time-limited link of this BFF) and keeps
 * the trace id with the subject, so the verdict lands whenever it comes. Throws 503 when WeChat cannot take it.
 */
export async function requestImageCheck(
  app: FastifyInstance,
  log: FastifyBaseLogger,
  image: { authorId: string; subjectKind: string; subjectId: string; mediaUrl: string; scene: SecurityScene },
): Promise<void> {
  const openid = await openidOf(app.database.db, image.authorId)
  let traceId: string
  try {
    ;({ traceId } = await app.wechat.mediaCheckAsync({ mediaUrl: image.mediaUrl, mediaType: 2, scene: image.scene, openid }))
  } catch (error) {
    logUnavailable(log, 'mediaCheckAsync', error)
    throw new ClientError(503, '图片安全检查暂时不可用，请稍后重新上传 (WeChat content security is unavailable)')
  }
  await recordMediaCheckRequest(app, { traceId, subjectKind: image.subjectKind, subjectId: image.subjectId })
}
