import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import jwt from '@fastify/jwt'
import { sql, type Expression, type Selectable } from 'kysely'
import type { Role } from '../../types/me'
import { PROVINCE_CODE } from '../../types/roles'
import type { RoleGrantsTable } from '../db/schema'
import { ClientError } from './http-errors'

export interface AccessClaims {
  sub: string
  /** The refresh session this access token belongs to: signing out or deleting the account ends it at once. */
  sid: string
}

export type ActiveGrant = Pick<Selectable<RoleGrantsTable>, 'id' | 'role' | 'institutionId' | 'centreId' | 'regionCode'>

/** Who is asking: the signed-in user and their active grants (a request that passed requireRole carries both). */
export interface Actor {
  userId: string
  grants: ActiveGrant[]
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: AccessClaims
    user: AccessClaims
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** preHandler: 401 unless a valid, unexpired access token of a live session is presented. */
    authenticate: (request: FastifyRequest, reply: FastifyReply) => Promise<void>
    /**
     * onRequest for a route whose own statement checks the session (`liveSession`), saving a round trip: 401 unless a
     * valid, unexpired access token is presented; sets userId and sessionId. The route must answer `sessionEnded()`
     * when its statement finds the session ended, and write nothing then.
     */
    verifyAccessToken: (request: FastifyRequest, reply: FastifyReply) => Promise<void>
    /** preHandler factory: authenticate, then 403 unless the user holds one of the roles. */
    requireRole: (...roles: Array<Exclude<Role, 'parent'>>) => (request: FastifyRequest, reply: FastifyReply) => Promise<void>
  }
  interface FastifyRequest {
    userId: string
    /** The session of the access token presented (set with userId). */
    sessionId: string
    grants: ActiveGrant[]
  }
}

export const unauthorized = (message = '请先登录 (sign-in required)') => new ClientError(401, message, undefined, 'unauthorized')
/** A 401 from a sign-in route: the code presented was refused; unlike `unauthorized`, no session is involved. */
export const signInRejected = (message: string) => new ClientError(401, message, undefined, 'sign_in_rejected')
export const forbidden = (message = '没有权限 (not allowed for your role)') => new ClientError(403, message)

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Claims as this BFF signs them. A token signed with the key but shaped otherwise (an old format, a leaked key) is refused. */
function isAccessClaims(claims: unknown): claims is AccessClaims {
  const { sub, sid } = (claims ?? {}) as { sub?: unknown; sid?: unknown }
  return typeof sub === 'string' && UUID.test(sub) && typeof sid === 'string' && UUID.test(sid)
}

export const sessionEnded = () => unauthorized('登录已失效，请重新登录 (session ended)')

/** True while the session is live: not signed out, not ended by a refresh replay, not deleted with its account, not expired. */
export const liveSession = (sessionId: string | Expression<string>, userId: string | Expression<string>) =>
  sql<boolean>`EXISTS (SELECT 1 FROM sessions
    WHERE id = ${sessionId}::uuid AND user_id = ${userId}::uuid AND revoked_at IS NULL AND expires_at > now())`

export async function activeGrants(app: FastifyInstance, userId: string): Promise<ActiveGrant[]> {
  return app.database.db
    .selectFrom('roleGrants')
    .select(['id', 'role', 'institutionId', 'centreId', 'regionCode'])
    .where('userId', '=', userId)
    .where('revokedAt', 'is', null)
    .execute()
}

/** onRequest: authenticate and load the caller's active grants, whatever they are (parents have none). */
export const withGrants = (app: FastifyInstance) => async (request: FastifyRequest, reply: FastifyReply) => {
  await app.authenticate(request, reply)
  request.grants = await activeGrants(app, request.userId)
}

/** A regulator of the province covers every 市州; one of a 市州 covers only it. */
export function regulatesCity(grants: ActiveGrant[], cityCode: string): boolean {
  return grants.some((g) => g.role === 'regulator' && (g.regionCode === PROVINCE_CODE || g.regionCode === cityCode))
}

export async function registerAuth(app: FastifyInstance, options: { jwtSecret: string; accessTokenSeconds: number }) {
  await app.register(jwt, { secret: options.jwtSecret, sign: { expiresIn: options.accessTokenSeconds } })
  app.decorateRequest('userId', '')
  app.decorateRequest('sessionId', '')
  app.decorateRequest('grants', null as unknown as ActiveGrant[])

  const verifyAccessToken = async (request: FastifyRequest) => {
    if (!request.headers.authorization) throw unauthorized()
    let claims: unknown
    try {
      claims = await request.jwtVerify<AccessClaims>()
    } catch (error) {
      const expired = (error as { code?: string }).code === 'FST_JWT_AUTHORIZATION_TOKEN_EXPIRED'
      throw unauthorized(expired ? '登录已过期，请刷新或重新登录 (access token expired)' : '登录凭证无效 (invalid access token)')
    }
    if (!isAccessClaims(claims)) throw unauthorized("登录凭证无效 (the token's sub and sid must be UUIDs)")
    request.userId = claims.sub
    request.sessionId = claims.sid
  }
  app.decorate('verifyAccessToken', verifyAccessToken)

  app.decorate('authenticate', async (request: FastifyRequest) => {
    await verifyAccessToken(request)
    const { rows } = await sql<{ live: boolean }>`SELECT ${liveSession(request.sessionId, request.userId)} AS live`.execute(app.database.db)
    if (!rows[0].live) {
      request.userId = ''
      throw sessionEnded()
    }
  })

  app.decorate('requireRole', (...roles: Array<Exclude<Role, 'parent'>>) => async (request: FastifyRequest, reply: FastifyReply) => {
    await withGrants(app)(request, reply)
    if (!request.grants.some((g) => roles.includes(g.role))) throw forbidden()
  })
}
