import { handMadeJwt, nextIp } from './test-helpers'
import { signedInUser, TEST_JWT_SECRET, useTestApp } from '../../../test/support/test-app'

const { app } = useTestApp()

const whoAmI = (authorization?: string) => app.inject({ method: 'GET', url: '/api/auth/session', headers: authorization ? { authorization } : {} })
const refresh = (refreshToken: string) => app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken }, remoteAddress: nextIp() })
const logout = (refreshToken: string) => app.inject({ method: 'POST', url: '/api/auth/logout', payload: { refreshToken } })
const now = () => Math.floor(Date.now() / 1000)

describe('access tokens on a protected route', () => {
  it('answers 200 with the user for a live session', async () => {
    const user = await signedInUser(app)
    const response = await whoAmI(user.headers.authorization)
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ userId: user.userId })
  })

  it('answers 401 without a token', async () => {
    const response = await whoAmI()
    expect(response.statusCode).toBe(401)
    expect(response.json()).toMatchObject({ statusCode: 401, error: 'Unauthorized' })
  })

  it('answers 401 for a token signed with another secret', async () => {
    const user = await signedInUser(app)
    const forged = handMadeJwt('another-secret-that-is-long-enough-for-hs256', {
      sub: user.userId,
      sid: user.refreshToken.split('.')[0],
      iat: now(),
      exp: now() + 600,
    })
    expect((await whoAmI(`Bearer ${forged}`)).statusCode).toBe(401)
    expect((await whoAmI('Bearer not-a-jwt')).statusCode).toBe(401)
  })

  it('answers 401 for an expired token, saying so', async () => {
    const user = await signedInUser(app)
    const expired = handMadeJwt(TEST_JWT_SECRET, { sub: user.userId, sid: user.refreshToken.split('.')[0], iat: now() - 1000, exp: now() - 100 })
    const response = await whoAmI(`Bearer ${expired}`)
    expect(response.statusCode).toBe(401)
    expect(response.json().message).toMatch(/过期/)
  })

  it('answers 401 once the session is signed out', async () => {
    const user = await signedInUser(app)
    expect((await logout(user.refreshToken)).statusCode).toBe(204)
    expect((await whoAmI(user.headers.authorization)).statusCode).toBe(401)
    expect((await refresh(user.refreshToken)).statusCode).toBe(401)
  })
})

describe('POST /api/auth/refresh', () => {
  it('rotates: new tokens work, the old refresh token does not', async () => {
    const user = await signedInUser(app)
    const rotated = await refresh(user.refreshToken)
    expect(rotated.statusCode).toBe(200)
    const next = rotated.json()
    expect(next).toMatchObject({ userId: user.userId, isNewUser: false })
    expect(next.refreshToken).not.toBe(user.refreshToken)
    expect((await whoAmI(`Bearer ${next.accessToken}`)).statusCode).toBe(200)
    expect((await refresh(user.refreshToken)).statusCode).toBe(401)
  })

  it('ends the whole session when a rotated token is presented again (theft signal)', async () => {
    const user = await signedInUser(app)
    const next = (await refresh(user.refreshToken)).json()
    expect((await refresh(user.refreshToken)).statusCode).toBe(401) // the thief replays the old one
    expect((await refresh(next.refreshToken)).statusCode).toBe(401) // the newest one is dead too
    expect((await whoAmI(`Bearer ${next.accessToken}`)).statusCode).toBe(401)
  })

  it('answers 401 for an unknown or malformed-but-long-enough token, and 400 for a short one', async () => {
    expect((await refresh('x'.repeat(40))).statusCode).toBe(401)
    expect((await refresh(`${crypto.randomUUID()}.${'y'.repeat(43)}`)).statusCode).toBe(401)
    const short = await refresh('short')
    expect(short.statusCode).toBe(400)
    expect(short.json().field).toBe('refreshToken')
  })

  it('answers 401 for an expired session', async () => {
    const user = await signedInUser(app)
    await app.database.db
      .updateTable('sessions')
      .set({ expiresAt: new Date(Date.now() - 1000).toISOString() })
      .where('userId', '=', user.userId)
      .execute()
    expect((await refresh(user.refreshToken)).statusCode).toBe(401)
    expect((await whoAmI(user.headers.authorization)).statusCode).toBe(401)
  })
})

describe('POST /api/auth/logout', () => {
  it('answers 204 for a token that is already signed out, and 400 for a missing one', async () => {
    const user = await signedInUser(app)
    expect((await logout(user.refreshToken)).statusCode).toBe(204)
    expect((await logout(user.refreshToken)).statusCode).toBe(204)
    const missing = await app.inject({ method: 'POST', url: '/api/auth/logout', payload: {} })
    expect(missing.json()).toMatchObject({ statusCode: 400, field: 'refreshToken' })
  })
})
