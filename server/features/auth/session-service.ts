import type { SignInMethod } from '../../../types/auth'
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import type { SessionTokens } from '../../../types/auth'
import { insertSession, revokeSession, rotateSession } from './repository'
import { unauthorized } from '../../shared/auth'

/** wechat_phone: the phone number WeChat verified (getPhoneNumber) with the openid of the same tap. */

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

/**
 * Refresh token = "<session id>.<random secret>". The session row keeps only the hash of the current one.
 * Naming the session lets a refresh that presents an old (already rotated) token be recognised as a replay,
 * a sign that the token was stolen, and end the session for the thief and the owner alike.
 */
const newRefreshToken = (sessionId: string) => `${sessionId}.${randomBytes(32).toString('base64url')}`
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function sessionIdOf(refreshToken: string): string | null {
  const sessionId = refreshToken.split('.')[0] ?? ''
  return UUID.test(sessionId) ? sessionId.toLowerCase() : null
}

function tokensFor(
  app: FastifyInstance,
  userId: string,
  sessionId: string,
  refreshToken: string,
  refreshTokenExpiresAt: string,
  isNewUser: boolean,
): SessionTokens {
  return {
    accessToken: app.jwt.sign({ sub: userId, sid: sessionId }),
    accessTokenExpiresAt: new Date(Date.now() + app.settings.accessTokenSeconds * 1000).toISOString(),
    refreshToken,
    refreshTokenExpiresAt,
    userId,
    isNewUser,
  }
}

const refreshExpiry = (app: FastifyInstance) => new Date(Date.now() + app.settings.refreshTokenDays * 24 * 3600 * 1000).toISOString()

/** Opens a refresh session and signs an access token bound to it. */
export async function issueSession(app: FastifyInstance, userId: string, method: SignInMethod, isNewUser = false): Promise<SessionTokens> {
  const sessionId = randomUUID()
  const refreshToken = newRefreshToken(sessionId)
  const expiresAt = refreshExpiry(app)
  await insertSession(app.database.db, { id: sessionId, userId, refreshTokenHash: hashToken(refreshToken), method, expiresAt })
  return tokensFor(app, userId, sessionId, refreshToken, expiresAt, isNewUser)
}

const refreshRejected = () => unauthorized('登录已失效，请重新登录 (refresh token invalid, expired or already used)')

/** Single use: the presented token stops working, a new one (valid refreshTokenDays from now) replaces it. */
export async function refreshSession(app: FastifyInstance, refreshToken: string): Promise<SessionTokens> {
  const sessionId = sessionIdOf(refreshToken)
  if (!sessionId) throw refreshRejected()
  const nextToken = newRefreshToken(sessionId)
  const expiresAt = refreshExpiry(app)
  const rotated = await rotateSession(app.database.db, sessionId, hashToken(refreshToken), { refreshTokenHash: hashToken(nextToken), expiresAt })
  if (!rotated) {
    // Replay of a rotated token (or a forged one naming a real session): end the session.
    if (await revokeSession(app.database.db, sessionId)) app.log.warn({ sessionId }, 'refresh token reused: session revoked')
    throw refreshRejected()
  }
  return tokensFor(app, rotated.userId, sessionId, nextToken, expiresAt, false)
}

/** Signing out ends the session named by the token; its access tokens are refused from then on. */
export async function endSession(app: FastifyInstance, refreshToken: string): Promise<void> {
  const sessionId = sessionIdOf(refreshToken)
  if (sessionId) await revokeSession(app.database.db, sessionId)
}
