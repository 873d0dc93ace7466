import { createHash, randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { closeServer, readBody } from '../../shared/stand-in-http'

/**
 * A small stand-in for WeChat's server API, for development and tests: it answers over real HTTP, so the BFF
 * runs its production code path (wechat-client.ts) against it.
 *
 * Login codes: WeChat gives each `wx.login()` a new one-time code. Here the code names its user: everything
 * before the last '-' is the user, the rest makes it unique. 'parent-a-1' and 'parent-a-2' are the same
 * WeChat user (same openid), 'parent-b-1' another one. A code without '-' is a user of its own.
 * 'invalid-code' and '' answer 40029, a code presented twice 40163.
 */
export interface WechatStandIn {
  url: string
  appId: string
  appSecret: string
  /** Subscription messages the BFF posted, oldest first. */
  messages: SubscriptionMessage[]
  close(): Promise<void>
}

export interface SubscriptionMessage {
  touser: string
  templateId: string
  page: string | null
  data: unknown
  receivedAt: string
}

export interface WechatStandInOptions { port?: number; appId?: string; appSecret?: string }

/** The openid WeChat would give the user behind a stand-in login code (see above). */
export function standInOpenid(appId: string, code: string): string {
  const cut = code.lastIndexOf('-')
  const user = cut > 0 ? code.slice(0, cut) : code
  return `o${createHash('sha256').update(`${appId}:${user}`).digest('base64url').slice(0, 27)}`
}

const INVALID_SECRET = { errcode: 40125, errmsg: 'invalid appsecret' }

export async function startWechatStandIn(options: WechatStandInOptions = {}): Promise<WechatStandIn> {
  const appId = options.appId ?? 'wx-stand-in-app'
  const appSecret = options.appSecret ?? 'stand-in-secret'
  const usedCodes = new Set<string>()
  const accessTokens = new Set<string>()
  const messages: SubscriptionMessage[] = []

  const credentialsOk = (query: URLSearchParams) => query.get('appid') === appId && query.get('secret') === appSecret

  function jscode2session(query: URLSearchParams) {
    if (!credentialsOk(query)) return INVALID_SECRET
    const code = query.get('js_code') ?? ''
    if (!code || code === 'invalid-code' || query.get('grant_type') !== 'authorization_code') return { errcode: 40029, errmsg: 'invalid code' }
    if (usedCodes.has(code)) return { errcode: 40163, errmsg: 'code been used' }
    usedCodes.add(code)
    return { openid: standInOpenid(appId, code), session_key: randomBytes(16).toString('base64') }
  }

  function token(query: URLSearchParams) {
    if (!credentialsOk(query) || query.get('grant_type') !== 'client_credential') return INVALID_SECRET
    const accessToken = randomBytes(24).toString('hex')
    accessTokens.add(accessToken)
    return { access_token: accessToken, expires_in: 7200 }
  }

  function sendMessage(query: URLSearchParams, body: string) {
    if (!accessTokens.has(query.get('access_token') ?? '')) return { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' }
    let message: { touser?: unknown; template_id?: unknown; page?: unknown; data?: unknown }
    try {
      message = JSON.parse(body)
    } catch {
      return { errcode: 47001, errmsg: 'data format error' }
    }
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

  async function answer(request: IncomingMessage): Promise<unknown> {
    const url = new URL(request.url ?? '/', 'http://stand-in')
    const route = `${request.method} ${url.pathname}`
    if (route === 'GET /sns/jscode2session') return jscode2session(url.searchParams)
    if (route === 'GET /cgi-bin/token') return token(url.searchParams)
    if (route === 'POST /cgi-bin/message/subscribe/send') return sendMessage(url.searchParams, await readBody(request))
    if (route === 'GET /__stand-in/messages') return messages
    return null
  }

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    answer(request).then((body) => {
      // WeChat answers errors with HTTP 200 and an errcode, as here.
      response.writeHead(body === null ? 404 : 200, { 'content-type': 'application/json' })
      response.end(JSON.stringify(body ?? { errcode: 404, errmsg: 'not found' }))
    }, () => {
      response.writeHead(500).end()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    appId,
    appSecret,
    messages,
    close: () => closeServer(server),
  }
}
