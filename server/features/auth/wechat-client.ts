import type { FastifyBaseLogger } from 'fastify'
import { ClientError } from '../../shared/http-errors'

export interface WechatSettings { apiBase: string; appId: string; appSecret: string }

const TIMEOUT_MS = 5000
/** Errcodes that mean the login code itself is bad: the user should simply sign in again. */
const CODE_REJECTED = new Set([40029, 40163])

const wechatUnavailable = () => new ClientError(502, '微信服务暂时不可用，请稍后再试 (WeChat sign-in is unavailable)')

interface Code2SessionAnswer { openid?: unknown; unionid?: unknown; session_key?: unknown; errcode?: unknown; errmsg?: unknown }

/**
 * Exchanges a `wx.login()` code for the user's openid (jscode2session). The session_key in the answer is
 * dropped at once: it is never stored or logged. The URL carries the app secret, so it is never logged either.
 */
export async function exchangeCode(wechat: WechatSettings, code: string, log?: Pick<FastifyBaseLogger, 'warn'>): Promise<{ openid: string; unionid: string | null }> {
  const query = new URLSearchParams({ appid: wechat.appId, secret: wechat.appSecret, js_code: code, grant_type: 'authorization_code' })
  let answer: Code2SessionAnswer
  try {
    const response = await fetch(`${wechat.apiBase}/sns/jscode2session?${query}`, { signal: AbortSignal.timeout(TIMEOUT_MS) })
    if (!response.ok) throw new Error(`HTTP ${response.status}`)
    answer = (await response.json()) as Code2SessionAnswer
  } catch (error) {
    log?.warn({ reason: error instanceof Error ? error.message : String(error) }, 'WeChat jscode2session failed')
    throw wechatUnavailable()
  }
  const errcode = typeof answer.errcode === 'number' ? answer.errcode : 0
  const errmsg = typeof answer.errmsg === 'string' ? answer.errmsg : ''
  if (CODE_REJECTED.has(errcode)) {
    throw new ClientError(401, `微信登录凭证无效或已使用，请重新登录 (WeChat login code rejected: ${errmsg})`)
  }
  if (errcode !== 0 || typeof answer.openid !== 'string' || !answer.openid) {
    log?.warn({ errcode, errmsg }, 'WeChat jscode2session refused')
    throw wechatUnavailable()
  }
  return { openid: answer.openid, unionid: typeof answer.unionid === 'string' ? answer.unionid : null }
}
