import type { FastifyBaseLogger, FastifyInstance } from 'fastify'
import { PHONE_PATTERN } from '../../../types/auth'
import { ClientError, badRequest } from '../../shared/http-errors'
import { WechatError } from '../../shared/wechat/client'
import { signInRejected } from '../../shared/auth'

type Log = Pick<FastifyBaseLogger, 'warn'>

/** Errcodes that mean a login code itself is bad: the user should simply sign in again. */
const LOGIN_CODE_REJECTED = new Set([40029, 40163])
/** The getPhoneNumber code is unknown, used or expired (it lives five minutes). */
const PHONE_CODE_REJECTED = new Set([40029])

const wechatUnavailable = () => new ClientError(502, '微信服务暂时不可用，请稍后再试 (WeChat sign-in is unavailable)')

function unavailable(log: Log, what: string, error: unknown): ClientError {
  log.warn(
    { reason: error instanceof Error ? error.message : String(error), errcode: error instanceof WechatError ? error.errcode : undefined },
    `WeChat ${what} failed`,
  )
  return wechatUnavailable()
}

/** The openid behind a wx.login() code: 401 when WeChat refuses the code, 502 when WeChat cannot answer. */
export async function openidOfLoginCode(app: FastifyInstance, code: string, log: Log): Promise<string> {
  try {
    return (await app.wechat.code2Session(code)).openid
  } catch (error) {
    if (error instanceof WechatError && error.errcode !== null && LOGIN_CODE_REJECTED.has(error.errcode)) {
      throw signInRejected(`微信登录凭证无效或已使用，请重新登录 (WeChat login code rejected: ${error.message})`)
    }
    throw unavailable(log, 'jscode2session', error)
  }
}

const MAINLAND_PHONE = new RegExp(PHONE_PATTERN)

/**
 * The phone number WeChat verified for a getPhoneNumber button code (a mainland mobile number): 401 when WeChat refuses
 * the code, 400 for a number outside the mainland, 502 when WeChat cannot answer.
 */
export async function phoneOfPhoneCode(app: FastifyInstance, code: string, log: Log): Promise<string> {
  let phone: { purePhoneNumber: string; countryCode: string }
  try {
    phone = await app.wechat.phoneNumber(code)
  } catch (error) {
    if (error instanceof WechatError && error.errcode !== null && PHONE_CODE_REJECTED.has(error.errcode)) {
      throw signInRejected(`手机号授权已失效，请重新点击「微信手机号快捷登录」 (WeChat phone code rejected: ${error.message})`)
    }
    throw unavailable(log, 'getuserphonenumber', error)
  }
  if (phone.countryCode !== '86' || !MAINLAND_PHONE.test(phone.purePhoneNumber)) {
    throw badRequest('phoneCode', '目前仅支持中国大陆手机号，请使用验证码登录 (only mainland China mobile numbers are supported)')
  }
  return phone.purePhoneNumber
}
