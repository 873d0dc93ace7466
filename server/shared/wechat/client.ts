/**
 * The one client of WeChat's server API (api.weixin.qq.com, or the stand-in in development and tests): sign-in
 * (jscode2session), phone numbers, subscription messages and content security, with one access token cached for all
 * of them. The app secret travels in the token and jscode2session URLs: those URLs are never logged.
 */

/** Where and as whom to call WeChat's server API (app.settings.wechat: the real one, or the stand-in). */
export interface WechatCredentials {
  apiBase: string
  appId: string
  appSecret: string
}

export type MiniprogramState = 'developer' | 'trial' | 'formal'

/** One subscription message: `data` maps the template's keys to values, e.g. { thing1: { value: '…' } }. */
export interface SubscribeMessage {
  touser: string
  templateId: string
  /** The mini-program page the message opens, e.g. 'pages/class/index?id=…'. */
  page: string
  data: Record<string, { value: string }>
  miniprogramState: MiniprogramState
}

/**
 * sent: WeChat accepted it. permanent: WeChat refused it for a reason that another try cannot change (the user has no
 * subscription left for the template, a bad openid or template): the caller gives up on this message.
 */
export type SendOutcome = { sent: true } | { sent: false; permanent: boolean; error: string }

export interface WechatMessenger {
  send(message: SubscribeMessage): Promise<SendOutcome>
}

/** msgSecCheck's and mediaCheckAsync's verdict. 'review' is WeChat unsure: accepted, logged. */
export type Suggest = 'pass' | 'review' | 'risky'
export interface SecurityVerdict {
  suggest: Suggest
  label: number | null
  version: 1 | 2
}

/** scene of msgSecCheck and mediaCheckAsync: 1 资料 (profile texts), 2 评论, 3 论坛 (posts), 4 社交日志. */
export type SecurityScene = 1 | 2 | 3 | 4

/**
 * WeChat answered with an errcode, or did not answer usefully (errcode null: unreachable, timeout, HTTP error,
 * unreadable answer). Callers decide what each means for their user.
 */
export class WechatError extends Error {
  constructor(
    readonly errcode: number | null,
    message: string,
  ) {
    super(message)
    this.name = 'WechatError'
  }
}

export interface WechatClient extends WechatMessenger {
  /** jscode2session: a wx.login() code → the user's openid. The session_key in the answer is dropped at once. */
  code2Session(code: string): Promise<{ openid: string; unionid: string | null }>
  /** phonenumber.getPhoneNumber: a getPhoneNumber button code → the number WeChat verified. */
  phoneNumber(code: string): Promise<{ purePhoneNumber: string; countryCode: string }>
  /** msgSecCheck: version 2 with the author's openid; version 1 (content only) without one, or when WeChat no longer knows the user. */
  msgSecCheck(input: { content: string; scene: SecurityScene; openid: string | null; title?: string }): Promise<SecurityVerdict>
  /** mediaCheckAsync: WeChat fetches mediaUrl and pushes the verdict later (event wxa_media_check) with the trace id. */
  mediaCheckAsync(input: { mediaUrl: string; mediaType: 1 | 2; scene: SecurityScene; openid: string | null }): Promise<{ traceId: string; version: 1 | 2 }>
}

const TIMEOUT_MS = 5000
/** Refresh this long before WeChat says the token expires, so a call never races the expiry. */
const EXPIRY_MARGIN_SECONDS = 300
/** The access token is invalid or expired (another process may have fetched a new one): fetch again and call once more. */
const TOKEN_REJECTED = new Set([40001, 40014, 42001])
/**
 * 43101 the user refused or has no subscription left; 40003 invalid openid; 40037 invalid template id;
 * 47003 the data does not fit the template; 41030 invalid page.
 */
const PERMANENT = new Set([43101, 40003, 40037, 47003, 41030])
/** Version 2 of the security checks needs a user who opened the mini-program in the last two hours; 61010 otherwise. */
const USER_NOT_RECENT = 61010
/** msgSecCheck version 1: the content is risky. */
const V1_RISKY = 87014

type Answer = Record<string, unknown> & { errcode?: unknown; errmsg?: unknown }

const errcodeOf = (answer: Answer) => (typeof answer.errcode === 'number' ? answer.errcode : 0)
const describe = (answer: Answer) => `errcode ${errcodeOf(answer)}${typeof answer.errmsg === 'string' ? `: ${answer.errmsg}` : ''}`
const refused = (answer: Answer, what: string) => new WechatError(errcodeOf(answer), `WeChat ${what} refused: ${describe(answer)}`)

async function fetchJson(url: string, init?: RequestInit): Promise<Answer> {
  let response: Response
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) })
  } catch (error) {
    const { name, message } = error as { name?: string; message?: string }
    throw new WechatError(null, name === 'TimeoutError' ? `no answer within ${TIMEOUT_MS / 1000} s` : `unreachable: ${message ?? String(error)}`)
  }
  if (!response.ok) throw new WechatError(null, `HTTP ${response.status}`)
  try {
    return (await response.json()) as Answer
  } catch {
    throw new WechatError(null, 'answer is not JSON')
  }
}

const postJson = (url: string, body: unknown) =>
  fetchJson(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
  })

function suggestOf(value: unknown): Suggest | null {
  return value === 'pass' || value === 'review' || value === 'risky' ? value : null
}

/**
 * The credentials are read on each call, so settings changed at run time (tests) are honoured; the token is cached per
 * app and API base.
 */
export function wechatClient(credentials: () => WechatCredentials, now: () => number = Date.now): WechatClient {
  let cached: { key: string; token: string; expiresAt: number } | null = null
  let fetching: { key: string; promise: Promise<string> } | null = null
  const keyOf = (wechat: WechatCredentials) => `${wechat.apiBase} ${wechat.appId}`

  async function fetchToken(wechat: WechatCredentials): Promise<string> {
    const query = new URLSearchParams({ grant_type: 'client_credential', appid: wechat.appId, secret: wechat.appSecret })
    const answer = await fetchJson(`${wechat.apiBase}/cgi-bin/token?${query}`)
    if (typeof answer.access_token !== 'string' || !answer.access_token) throw refused(answer, 'access token')
    const lifetime = typeof answer.expires_in === 'number' ? answer.expires_in : 7200
    cached = { key: keyOf(wechat), token: answer.access_token, expiresAt: now() + Math.max(lifetime - EXPIRY_MARGIN_SECONDS, 60) * 1000 }
    return answer.access_token
  }

  function accessToken(wechat: WechatCredentials): Promise<string> {
    const key = keyOf(wechat)
    if (cached && cached.key === key && cached.expiresAt > now()) return Promise.resolve(cached.token)
    // Concurrent calls share one token request.
    if (fetching?.key === key) return fetching.promise
    const promise = fetchToken(wechat).finally(() => {
      if (fetching?.promise === promise) fetching = null
    })
    fetching = { key, promise }
    return promise
  }

  /** POSTs to an access-token API; a rejected token is fetched again and the call made once more. */
  async function callWithToken(path: string, body: unknown): Promise<Answer> {
    const wechat = credentials()
    const call = async () => postJson(`${wechat.apiBase}${path}?access_token=${encodeURIComponent(await accessToken(wechat))}`, body)
    const answer = await call()
    if (!TOKEN_REJECTED.has(errcodeOf(answer))) return answer
    if (cached?.key === keyOf(wechat)) cached = null
    return call()
  }

  async function msgSecCheckV1(content: string): Promise<SecurityVerdict> {
    const answer = await callWithToken('/wxa/msg_sec_check', { content })
    const errcode = errcodeOf(answer)
    if (errcode === V1_RISKY) return { suggest: 'risky', label: null, version: 1 }
    if (errcode !== 0) throw refused(answer, 'msgSecCheck')
    return { suggest: 'pass', label: null, version: 1 }
  }

  return {
    async code2Session(code) {
      const wechat = credentials()
      const query = new URLSearchParams({ appid: wechat.appId, secret: wechat.appSecret, js_code: code, grant_type: 'authorization_code' })
      const answer = await fetchJson(`${wechat.apiBase}/sns/jscode2session?${query}`)
      if (errcodeOf(answer) !== 0 || typeof answer.openid !== 'string' || !answer.openid) throw refused(answer, 'jscode2session')
      return { openid: answer.openid, unionid: typeof answer.unionid === 'string' ? answer.unionid : null }
    },

    async phoneNumber(code) {
      const answer = await callWithToken('/wxa/business/getuserphonenumber', { code })
      const info = answer.phone_info as { purePhoneNumber?: unknown; countryCode?: unknown } | undefined
      if (errcodeOf(answer) !== 0 || typeof info?.purePhoneNumber !== 'string' || !info.purePhoneNumber) throw refused(answer, 'getuserphonenumber')
      return { purePhoneNumber: info.purePhoneNumber, countryCode: typeof info.countryCode === 'string' ? info.countryCode : String(info.countryCode ?? '') }
    },

    async send(message) {
      try {
        const answer = await callWithToken('/cgi-bin/message/subscribe/send', {
          touser: message.touser,
          template_id: message.templateId,
          page: message.page,
          data: message.data,
          miniprogram_state: message.miniprogramState,
          lang: 'zh_CN',
        })
        const errcode = errcodeOf(answer)
        if (errcode === 0) return { sent: true }
        return { sent: false, permanent: PERMANENT.has(errcode), error: describe(answer) }
      } catch (error) {
        return { sent: false, permanent: false, error: error instanceof Error ? error.message : String(error) }
      }
    },

    async msgSecCheck({ content, scene, openid, title }) {
      if (!openid) return msgSecCheckV1(content)
      const answer = await callWithToken('/wxa/msg_sec_check', { content, version: 2, scene, openid, ...(title ? { title } : {}) })
      if (errcodeOf(answer) === USER_NOT_RECENT) return msgSecCheckV1(content)
      const result = answer.result as { suggest?: unknown; label?: unknown } | undefined
      const suggest = suggestOf(result?.suggest)
      if (errcodeOf(answer) !== 0 || !suggest) throw refused(answer, 'msgSecCheck')
      return { suggest, label: typeof result?.label === 'number' ? result.label : null, version: 2 }
    },

    async mediaCheckAsync({ mediaUrl, mediaType, scene, openid }) {
      const v1 = async () => {
        const answer = await callWithToken('/wxa/media_check_async', { media_url: mediaUrl, media_type: mediaType })
        if (errcodeOf(answer) !== 0 || typeof answer.trace_id !== 'string') throw refused(answer, 'mediaCheckAsync')
        return { traceId: answer.trace_id, version: 1 as const }
      }
      if (!openid) return v1()
      const answer = await callWithToken('/wxa/media_check_async', { media_url: mediaUrl, media_type: mediaType, version: 2, scene, openid })
      if (errcodeOf(answer) === USER_NOT_RECENT) return v1()
      if (errcodeOf(answer) !== 0 || typeof answer.trace_id !== 'string') throw refused(answer, 'mediaCheckAsync')
      return { traceId: answer.trace_id, version: 2 }
    },
  }
}
