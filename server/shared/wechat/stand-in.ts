import { createHash, randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { closeServer, listenLocally, readBody } from '../stand-in-http'
import { pushSignature } from './push'

/**
 * A small stand-in for WeChat's server API, for development and tests: it answers over real HTTP, so the BFF runs its
 * production code path (client.ts) against it.
 *
 * Login codes: WeChat gives each `wx.login()` a new one-time code. Here the code names its user: everything before the
 * last '-' is the user, the rest makes it unique. 'parent-a-1' and 'parent-a-2' are the same WeChat user (same
 * openid), 'parent-b-1' another one. A code without '-' is a user of its own. 'invalid-code' and '' answer 40029, a
 * code presented twice 40163. A login marks the user as having just opened the mini-program (version 2 of the
 * security checks needs that within two hours, 61010 otherwise, as WeChat does).
 *
 * Phone codes (the getPhoneNumber button): 'phone-13800000000-1' is the number 13800000000; each code works once;
 * anything else ('invalid') answers 40029.
 *
 * Text checks (msg_sec_check): a text containing '违规测试' is risky, '待审测试' review, anything else pass. Version 1
 * answers 87014 for risky and passes the rest (it has no review).
 *
 * Image checks (media_check_async): answers a trace_id at once, then fetches media_url over HTTP and pushes the verdict
 * to the push URL (WeChat's message push, JSON format, signed with the push token). An image whose every pixel is pure
 * red (#ff0000) is risky (label 20002), any other image pass. A media_url it cannot fetch gets no push (recorded).
 */
export interface WechatStandIn {
  url: string
  appId: string
  appSecret: string
  /** Subscription messages the BFF posted, oldest first. */
  messages: SubscriptionMessage[]
  /** Text checks the BFF asked for, oldest first. */
  textChecks: TextCheck[]
  /** Image checks the BFF asked for, oldest first, with what became of each. */
  mediaChecks: MediaCheck[]
  /** Where verdicts of image checks are pushed, and the token that signs them (the BFF's /api/wechat/events). */
  setPush(push: StandInPush | null): void
  /** Resolves when every image check asked for so far has been fetched and pushed (or has failed). */
  mediaChecksSettled(): Promise<void>
  close(): Promise<void>
}

export interface SubscriptionMessage {
  touser: string
  templateId: string
  page: string | null
  data: unknown
  receivedAt: string
}

export interface TextCheck {
  content: string
  version: 1 | 2
  scene: number | null
  openid: string | null
  suggest: string
}
export interface MediaCheck {
  traceId: string
  mediaUrl: string
  version: 1 | 2
  openid: string | null
  scene: number | null
  /** pending until fetched and pushed; fetch-failed or push-failed otherwise. */
  status: 'pending' | 'pushed' | 'fetch-failed' | 'push-failed'
  suggest: 'pass' | 'risky' | null
  /** HTTP status of the push. */
  pushStatus: number | null
}

export interface StandInPush {
  url: string
  token: string
}

export interface WechatStandInOptions {
  port?: number
  appId?: string
  appSecret?: string
  push?: StandInPush
}

/** The openid WeChat would give the user behind a stand-in login code (see above). */
export function standInOpenid(appId: string, code: string): string {
  const cut = code.lastIndexOf('-')
  const user = cut > 0 ? code.slice(0, cut) : code
  return `o${createHash('sha256').update(`${appId}:${user}`).digest('base64url').slice(0, 27)}`
}

export const RISKY_TEXT_MARKER = '违规测试'
export const REVIEW_TEXT_MARKER = '待审测试'

const INVALID_SECRET = { errcode: 40125, errmsg: 'invalid appsecret' }
const INVALID_TOKEN = { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' }
const USER_NOT_RECENT = { errcode: 61010, errmsg: 'code is expired' }
const DATA_FORMAT_ERROR = { errcode: 47001, errmsg: 'data format error' }
const RECENT_MS = 2 * 3600 * 1000
const PHONE_CODE = /^phone-(1[3-9][0-9]{9})-.+$/

function parseJson(body: string): Record<string, unknown> | null {
  try {
    const value = JSON.parse(body) as unknown
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null
  } catch {
    return null
  }
}

/** Pure red everywhere: the stand-in's stand-in for an image WeChat finds risky. */
async function isPureRed(bytes: Buffer): Promise<boolean> {
  const { default: sharp } = await import('sharp') // on the first image, not at start
  const { channels } = await sharp(bytes).stats()
  const [r, g, b] = channels
  return Boolean(r && g && b && r.min === 255 && g.max === 0 && b.max === 0)
}

export async function startWechatStandIn(options: WechatStandInOptions = {}): Promise<WechatStandIn> {
  const appId = options.appId ?? 'wx-stand-in-app'
  const appSecret = options.appSecret ?? 'stand-in-secret'
  let push: StandInPush | null = options.push ?? null
  const usedCodes = new Set<string>()
  const usedPhoneCodes = new Set<string>()
  const accessTokens = new Set<string>()
  /** openid → when the user last opened the mini-program (logged in). */
  const seen = new Map<string, number>()
  const messages: SubscriptionMessage[] = []
  const textChecks: TextCheck[] = []
  const mediaChecks: MediaCheck[] = []
  const inFlight = new Set<Promise<void>>()

  const credentialsOk = (query: URLSearchParams) => query.get('appid') === appId && query.get('secret') === appSecret
  const tokenOk = (query: URLSearchParams) => accessTokens.has(query.get('access_token') ?? '')
  const recentlySeen = (openid: string) => (seen.get(openid) ?? 0) > Date.now() - RECENT_MS

  function jscode2session(query: URLSearchParams) {
    if (!credentialsOk(query)) return INVALID_SECRET
    const code = query.get('js_code') ?? ''
    if (!code || code === 'invalid-code' || query.get('grant_type') !== 'authorization_code') return { errcode: 40029, errmsg: 'invalid code' }
    if (usedCodes.has(code)) return { errcode: 40163, errmsg: 'code been used' }
    usedCodes.add(code)
    const openid = standInOpenid(appId, code)
    seen.set(openid, Date.now())
    return { openid, session_key: randomBytes(16).toString('base64') }
  }

  function token(query: URLSearchParams) {
    if (!credentialsOk(query) || query.get('grant_type') !== 'client_credential') return INVALID_SECRET
    const accessToken = randomBytes(24).toString('hex')
    accessTokens.add(accessToken)
    return { access_token: accessToken, expires_in: 7200 }
  }

  function sendMessage(message: Record<string, unknown>) {
    if (typeof message.touser !== 'string' || typeof message.template_id !== 'string') return { errcode: 40003, errmsg: 'invalid openid or template_id' }
    messages.push({
      touser: message.touser,
      templateId: message.template_id,
      page: typeof message.page === 'string' ? message.page : null,
      data: message.data ?? null,
      receivedAt: new Date().toISOString(),
    })
    return { errcode: 0, errmsg: 'ok', msgid: messages.length }
  }

  function phoneNumber(body: Record<string, unknown>) {
    const code = typeof body.code === 'string' ? body.code : ''
    const match = PHONE_CODE.exec(code)
    if (!match || usedPhoneCodes.has(code)) return { errcode: 40029, errmsg: 'invalid code' }
    usedPhoneCodes.add(code)
    const phone = match[1]!
    return {
      errcode: 0,
      errmsg: 'ok',
      phone_info: { phoneNumber: phone, purePhoneNumber: phone, countryCode: '86', watermark: { timestamp: Math.floor(Date.now() / 1000), appid: appId } },
    }
  }

  function textCheck(body: Record<string, unknown>) {
    const content = typeof body.content === 'string' ? body.content : null
    if (content === null) return DATA_FORMAT_ERROR
    const suggest = content.includes(RISKY_TEXT_MARKER) ? 'risky' : content.includes(REVIEW_TEXT_MARKER) ? 'review' : 'pass'
    if (body.version !== 2) {
      textChecks.push({ content, version: 1, scene: null, openid: null, suggest: suggest === 'risky' ? 'risky' : 'pass' })
      return suggest === 'risky' ? { errcode: 87014, errmsg: 'risky content' } : { errcode: 0, errmsg: 'ok' }
    }
    const openid = typeof body.openid === 'string' ? body.openid : ''
    if (!openid || ![1, 2, 3, 4].includes(body.scene as number)) return DATA_FORMAT_ERROR
    if (!recentlySeen(openid)) return USER_NOT_RECENT
    textChecks.push({ content, version: 2, scene: body.scene as number, openid, suggest })
    const label = suggest === 'pass' ? 100 : 20001
    return {
      errcode: 0,
      errmsg: 'ok',
      result: { suggest, label },
      detail: [{ strategy: 'content_model', errcode: 0, suggest, label, prob: 90 }],
      trace_id: randomBytes(12).toString('hex'),
    }
  }

  async function deliver(check: MediaCheck) {
    let bytes: Buffer
    try {
      const response = await fetch(check.mediaUrl, { signal: AbortSignal.timeout(5000) })
      if (!response.ok) throw new Error(`HTTP ${response.status}`)
      bytes = Buffer.from(await response.arrayBuffer())
    } catch {
      check.status = 'fetch-failed'
      return
    }
    const risky = await isPureRed(bytes).catch(() => false)
    check.suggest = risky ? 'risky' : 'pass'
    if (!push) {
      check.status = 'push-failed'
      return
    }
    const timestamp = String(Math.floor(Date.now() / 1000))
    const nonce = randomBytes(6).toString('hex')
    const query = new URLSearchParams({ signature: pushSignature(push.token, timestamp, nonce), timestamp, nonce })
    const label = risky ? 20002 : 100
    const event = {
      ToUserName: 'gh_stand_in',
      FromUserName: check.openid ?? '',
      CreateTime: Number(timestamp),
      MsgType: 'event',
      Event: 'wxa_media_check',
      appid: appId,
      trace_id: check.traceId,
      ...(check.version === 2
        ? {
            version: 2,
            detail: [{ strategy: 'content_model', errcode: 0, suggest: check.suggest, label, prob: 90 }],
            errcode: 0,
            errmsg: 'ok',
            result: { suggest: check.suggest, label },
          }
        : { isrisky: risky ? 1 : 0, extra_info_json: '', status_code: 0 }),
    }
    try {
      const response = await fetch(`${push.url}?${query}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(event),
        signal: AbortSignal.timeout(5000),
      })
      check.pushStatus = response.status
      check.status = response.ok ? 'pushed' : 'push-failed'
    } catch {
      check.status = 'push-failed'
    }
  }

  function mediaCheck(body: Record<string, unknown>) {
    const mediaUrl = typeof body.media_url === 'string' ? body.media_url : ''
    if (!/^https?:\/\//.test(mediaUrl) || ![1, 2].includes(body.media_type as number)) return DATA_FORMAT_ERROR
    const version = body.version === 2 ? 2 : 1
    const openid = typeof body.openid === 'string' ? body.openid : null
    if (version === 2) {
      if (!openid || ![1, 2, 3, 4].includes(body.scene as number)) return DATA_FORMAT_ERROR
      if (!recentlySeen(openid)) return USER_NOT_RECENT
    }
    const check: MediaCheck = {
      traceId: `${Date.now().toString(16)}-${randomBytes(8).toString('hex')}`,
      mediaUrl,
      version,
      openid,
      scene: version === 2 ? (body.scene as number) : null,
      status: 'pending',
      suggest: null,
      pushStatus: null,
    }
    mediaChecks.push(check)
    // After the answer is on its way, as WeChat does: the verdict comes later, by push.
    const delivery: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve)).then(() => deliver(check)).finally(() => inFlight.delete(delivery))
    inFlight.add(delivery)
    return { errcode: 0, errmsg: 'ok', trace_id: check.traceId }
  }

  const withToken = async (query: URLSearchParams, request: IncomingMessage, handle: (body: Record<string, unknown>) => unknown) => {
    if (!tokenOk(query)) return INVALID_TOKEN
    const body = parseJson(await readBody(request))
    return body ? handle(body) : DATA_FORMAT_ERROR
  }

  async function answer(request: IncomingMessage): Promise<unknown> {
    const url = new URL(request.url ?? '/', 'http://stand-in')
    const query = url.searchParams
    const route = `${request.method} ${url.pathname}`
    if (route === 'GET /sns/jscode2session') return jscode2session(query)
    if (route === 'GET /cgi-bin/token') return token(query)
    if (route === 'POST /cgi-bin/message/subscribe/send') return withToken(query, request, sendMessage)
    if (route === 'POST /wxa/business/getuserphonenumber') return withToken(query, request, phoneNumber)
    if (route === 'POST /wxa/msg_sec_check') return withToken(query, request, textCheck)
    if (route === 'POST /wxa/media_check_async') return withToken(query, request, mediaCheck)
    if (route === 'GET /__stand-in/messages') return messages
    return null
  }

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    answer(request).then(
      (body) => {
        // WeChat answers errors with HTTP 200 and an errcode, as here.
        response.writeHead(body === null ? 404 : 200, { 'content-type': 'application/json' })
        response.end(JSON.stringify(body ?? { errcode: 404, errmsg: 'not found' }))
      },
      () => {
        response.writeHead(500).end()
      },
    )
  })
  const url = await listenLocally(server, options.port)

  return {
    url,
    appId,
    appSecret,
    messages,
    textChecks,
    mediaChecks,
    setPush: (next) => {
      push = next
    },
    mediaChecksSettled: async () => {
      while (inFlight.size) await Promise.all([...inFlight])
    },
    close: async () => {
      await Promise.all([...inFlight])
      await closeServer(server)
    },
  }
}
