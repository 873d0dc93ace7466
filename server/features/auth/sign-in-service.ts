import type { FastifyBaseLogger, FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import type { SessionTokens } from '../../../types/auth'
import type { Database } from '../../db/schema'
import { maskPhone, verifyCode } from './phone-code-service'
import {
  findOrCreateUserByOpenid,
  findOrCreateUserByPhone,
  findUserByOpenid,
  findUserByPhone,
  insertUser,
  lockSignInOf,
  recordSignIn,
  type SignedInUser,
} from './repository'
import { issueSession } from './session-service'
import { openidOfLoginCode, phoneOfPhoneCode } from './wechat-sign-in'

type Log = Pick<FastifyBaseLogger, 'info' | 'warn'>

export interface PhoneSignIn extends SignedInUser {
  /** Why the user's openid could not go with the account: it is already another account's (see signInWithVerifiedPhone). */
  openidKeptElsewhere: boolean
}

/**
 * Sign-in with a phone number WeChat verified (the getPhoneNumber button) by the WeChat user `openid`. One account per
 * phone and per openid, as everywhere:
 * - the phone's account signs in; it takes the openid if it has none and no other account holds it;
 * - without one, the openid's account signs in and takes the verified number (it had none, or an older one);
 * - without either, a new account holds both.
 * When the phone's account and the openid's are two accounts, the phone's signs in and each keeps its openid: merging
 * two accounts' children, links and grants needs the person's own choice, which a sign-in cannot ask for.
 * Locks on the phone and the openid serialise concurrent sign-ins of the same person.
 */
export async function signInWithVerifiedPhone(db: Kysely<Database>, phone: string, openid: string): Promise<PhoneSignIn> {
  return db.transaction().execute(async (trx) => {
    await lockSignInOf(trx, phone, openid)
    const byPhone = await findUserByPhone(trx, phone)
    const byOpenid = await findUserByOpenid(trx, openid)
    if (byPhone) {
      const takeOpenid = !byPhone.wechatOpenid && !byOpenid
      await recordSignIn(trx, byPhone.id, takeOpenid ? { wechatOpenid: openid } : {})
      return { id: byPhone.id, isNew: false, openidKeptElsewhere: byPhone.wechatOpenid !== openid && !takeOpenid }
    }
    if (byOpenid) {
      await recordSignIn(trx, byOpenid.id, { phone })
      return { id: byOpenid.id, isNew: false, openidKeptElsewhere: false }
    }
    return { id: await insertUser(trx, { phone, wechatOpenid: openid }), isNew: true, openidKeptElsewhere: false }
  })
}

/** A wx.login() code: the WeChat user's account, made at the first sign-in. */
export async function signInWithWechat(app: FastifyInstance, code: string, log: Log): Promise<SessionTokens> {
  const openid = await openidOfLoginCode(app, code, log)
  const user = await findOrCreateUserByOpenid(app.database.db, openid)
  return issueSession(app, user.id, 'wechat', user.isNew)
}

/** 微信手机号快捷登录: the getPhoneNumber button's code and a wx.login() code of the same tap. */
export async function signInWithWechatPhone(app: FastifyInstance, codes: { phoneCode: string; loginCode: string }, log: Log): Promise<SessionTokens> {
  // Both codes are single-use and short-lived: exchange them together.
  const [phone, openid] = await Promise.all([phoneOfPhoneCode(app, codes.phoneCode, log), openidOfLoginCode(app, codes.loginCode, log)])
  const user = await signInWithVerifiedPhone(app.database.db, phone, openid)
  log.info({ phone: maskPhone(phone), isNew: user.isNew, openidKeptElsewhere: user.openidKeptElsewhere }, 'signed in with WeChat phone number')
  return issueSession(app, user.id, 'wechat_phone', user.isNew)
}

/** A phone number and the one-time code sent to it: the phone's account, made at the first sign-in. */
export async function signInWithPhone(app: FastifyInstance, phone: string, code: string): Promise<SessionTokens> {
  await verifyCode(app, phone, code)
  const user = await findOrCreateUserByPhone(app.database.db, phone)
  return issueSession(app, user.id, 'phone', user.isNew)
}
