import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

/** Where and as whom to call WeChat's server API (app.settings.wechat: the real one, or the stand-in). */
export interface WechatCredentials { apiBase: string; appId: string; appSecret: string }

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

const TIMEOUT_MS = 5000
/** Refresh this long before WeChat says the token expires, so a send never races the expiry. */
const EXPIRY_MARGIN_SECONDS = 300
/** The access token is invalid or expired (another process may have fetched a new one): fetch again and resend once. */
const TOKEN_REJECTED = new Set([40001, 40014, 42001])
/**
 * 43101 the user refused or has no subscription left; 40003 invalid openid; 40037 invalid template id;
 * 47003 the data does not fit the template; 41030 invalid page.
 */
const PERMANENT = new Set([43101, 40003, 40037, 47003, 41030])

interface WechatAnswer { errcode?: unknown; errmsg?: unknown; access_token?: unknown; expires_in?: unknown }

async function getJson(url: string, init?: RequestInit): Promise<WechatAnswer> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) })
  if (!response.ok) throw new Error(`HTTP ${response.status}`)
  return (await response.json()) as WechatAnswer
}

const errcodeOf = (answer: WechatAnswer) => (typeof answer.errcode === 'number' ? answer.errcode : 0)
const describe = (answer: WechatAnswer) => `errcode ${errcodeOf(answer)}${typeof answer.errmsg === 'string' ? `: ${answer.errmsg}` : ''}`

/**
 * Sends subscription messages through WeChat's message API (subscribe/send), with the access token fetched once
 * (cgi-bin/token) and cached until shortly before it expires or WeChat rejects it. The credentials are read on each
 * send, so settings changed at run time (tests) are honoured; the token is cached per app and API base. The token
 * URL carries the app secret: it is never logged.
 */
export function wechatMessenger(credentials: () => WechatCredentials, now: () => number = Date.now): WechatMessenger {
  let cached: { key: string; token: string; expiresAt: number } | null = null
  let fetching: { key: string; promise: Promise<string> } | null = null

  async function fetchToken(wechat: WechatCredentials): Promise<string> {
    const query = new URLSearchParams({ grant_type: 'client_credential', appid: wechat.appId, secret: wechat.appSecret })
    const answer = await getJson(`${wechat.apiBase}/cgi-bin/token?${query}`)
    if (typeof answer.access_token !== 'string' || !answer.access_token) throw new Error(`WeChat token refused: ${describe(answer)}`)
    const lifetime = typeof answer.expires_in === 'number' ? answer.expires_in : 7200
    cached = { key: `${wechat.apiBase} ${wechat.appId}`, token: answer.access_token, expiresAt: now() + Math.max(lifetime - EXPIRY_MARGIN_SECONDS, 60) * 1000 }
    return answer.access_token
  }

  function accessToken(wechat: WechatCredentials): Promise<string> {
    const key = `${wechat.apiBase} ${wechat.appId}`
    if (cached && cached.key === key && cached.expiresAt > now()) return Promise.resolve(cached.token)
    // Concurrent sends share one token request.
    if (fetching?.key === key) return fetching.promise
    const promise = fetchToken(wechat).finally(() => { if (fetching?.promise === promise) fetching = null })
    fetching = { key, promise }
    return promise
  }

  async function post(wechat: WechatCredentials, token: string, message: SubscribeMessage): Promise<WechatAnswer> {
    return getJson(`${wechat.apiBase}/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({
        touser: message.touser,
        template_id: message.templateId,
        page: message.page,
        data: message.data,
        miniprogram_state: message.miniprogramState,
        lang: 'zh_CN',
      }),
    })
  }

  return {
    async send(message) {
      const wechat = credentials()
      try {
        let answer = await post(wechat, await accessToken(wechat), message)
        if (TOKEN_REJECTED.has(errcodeOf(answer))) {
          cached = null
          answer = await post(wechat, await accessToken(wechat), message)
        }
        const errcode = errcodeOf(answer)
        if (errcode === 0) return { sent: true }
        return { sent: false, permanent: PERMANENT.has(errcode), error: describe(answer) }
      } catch (error) {
        const { name, message: text } = error as { name?: string; message?: string }
        return { sent: false, permanent: false, error: name === 'TimeoutError' ? `no answer within ${TIMEOUT_MS / 1000} s` : text ?? String(error) }
      }
    },
  }
}

// ---- values in WeChat's formats (each template key's type decides its format and length) ----

/** thing: at most 20 characters; longer text is cut with an ellipsis. */
export function thing(text: string): { value: string } {
  const chars = [...text.replace(/\s+/g, ' ').trim()]
  return { value: chars.length <= 20 ? chars.join('') : `${chars.slice(0, 19).join('')}…` }
}

/** time: 'YYYY年MM月DD日 HH:mm' in China time (UTC+8), whatever the server's time zone. */
export function time(iso: string): { value: string } {
  return { value: dayjs(iso).utcOffset(8 * 60).format('YYYY年MM月DD日 HH:mm') }
}

/** phrase: at most 5 characters, Chinese only. */
export function phrase(text: string): { value: string } {
  return { value: [...text].slice(0, 5).join('') }
}
