import { createHmac, randomInt } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { signInRejected } from '../../shared/auth'
import { ClientError } from '../../shared/http-errors'
import { CodeDeliveryError } from './code-sender'
import { checkAndConsumeCode, deleteLoginCode, expireOpenCodes, insertLoginCode, lockPhone, recentCodes } from './repository'

export const CODE_VALID_SECONDS = 5 * 60
export const RESEND_AFTER_SECONDS = 60
export const CODES_PER_PHONE_PER_HOUR = 5
export const MAX_WRONG_ATTEMPTS = 5

export const maskPhone = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(7)}`

/** Codes are stored only as a keyed hash: a database dump alone does not let anyone sign in. */
const hashCode = (secret: string, phone: string, code: string) => createHmac('sha256', secret).update(`${phone}:${code}`).digest('hex')

export type CodeRequest = { sent: true } | { sent: false; retryAfterSeconds: number; message: string }

/**
 * Per-phone limits, counted in login_codes so every BFF instance sees the same numbers: one code per
 * RESEND_AFTER_SECONDS, CODES_PER_PHONE_PER_HOUR an hour. Same answer whether the phone has an account or not.
 */
export async function requestCode(app: FastifyInstance, phone: string, requestedIp: string): Promise<CodeRequest> {
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
  const refusal = await app.database.db.transaction().execute(async (trx): Promise<{ retryAfterSeconds: number; message: string } | { id: number }> => {
    await lockPhone(trx, phone)
    const recent = await recentCodes(trx, phone, RESEND_AFTER_SECONDS)
    if (recent.cooldownLeftSeconds > 0) {
      return {
        retryAfterSeconds: recent.cooldownLeftSeconds,
        message: `验证码已发送，请 ${recent.cooldownLeftSeconds} 秒后再获取 (wait before requesting another code)`,
      }
    }
    if (recent.inLastHour >= CODES_PER_PHONE_PER_HOUR) {
      const wait = Math.max(1, recent.hourSlotFreeInSeconds)
      return { retryAfterSeconds: wait, message: `该手机号获取验证码过于频繁，请 ${Math.ceil(wait / 60)} 分钟后再试 (too many codes for this phone this hour)` }
    }
    await expireOpenCodes(trx, phone)
    const id = await insertLoginCode(trx, { phone, codeHash: hashCode(app.settings.jwtSecret, phone, code), requestedIp, validSeconds: CODE_VALID_SECONDS })
    return { id }
  })
  if ('retryAfterSeconds' in refusal) return { sent: false, ...refusal }
  try {
    await app.settings.codeSender.send(phone, code)
  } catch (error) {
    app.log.error({ err: error, phone: maskPhone(phone) }, 'sign-in code not delivered')
    // A code that never reached the phone must not hold the parent back with "验证码已发送" for a minute.
    await deleteLoginCode(app.database.db, refusal.id)
    if (error instanceof CodeDeliveryError && error.reason === 'unavailable') {
      throw new ClientError(503, '短信服务暂时不可用，请稍后再试 (the SMS service did not answer in time or could not be reached)')
    }
    throw new ClientError(502, '验证码发送失败，请稍后再试 (the code could not be sent)')
  }
  return { sent: true }
}

/** Resolves when the code is the phone's live one (and uses it up); 401 otherwise. */
export async function verifyCode(app: FastifyInstance, phone: string, code: string): Promise<void> {
  const check = await checkAndConsumeCode(app.database.db, phone, hashCode(app.settings.jwtSecret, phone, code), MAX_WRONG_ATTEMPTS)
  if (check.outcome === 'matched') return
  if (check.outcome === 'wrong' && check.attemptsLeft > 0) {
    throw signInRejected(`验证码错误，还可再试 ${check.attemptsLeft} 次 (wrong code)`)
  }
  throw signInRejected('验证码已失效，请重新获取 (code expired, used or tried too often; request a new one)')
}
