import { randomUUID } from 'node:crypto'
import { signedInUser, useTestApp } from '../../test/support/test-app'

const { app } = useTestApp()

/** A token signed with the BFF's own key, carrying whatever claims it is given. */
const signed = (claims: object) => `Bearer ${app.jwt.sign(claims as never)}`

describe('an access token signed with the right key but claims of another shape', () => {
  let live: { sub: string; sid: string }
  beforeAll(async () => {
    const user = await signedInUser(app)
    live = { sub: user.userId, sid: user.refreshToken.split('.')[0] }
  })

  const shapes: Array<[string, (live: { sub: string; sid: string }) => object]> = [
    ['a sid that is not a UUID', ({ sub }) => ({ sub, sid: 'not-a-uuid' })],
    ['a sub that is not a UUID', ({ sid }) => ({ sub: 'admin', sid })],
    ['no sid', ({ sub }) => ({ sub })],
    ['no sub', ({ sid }) => ({ sid })],
    ['a sid that is a number', ({ sub }) => ({ sub, sid: 42 })],
    ['a sub that is a number', ({ sid }) => ({ sub: 7, sid })],
    ['a sid that is an object', ({ sub }) => ({ sub, sid: { id: 1 } })],
    ['a sid that smuggles SQL', ({ sub }) => ({ sub, sid: "x' OR '1'='1" })],
    ['no claims at all', () => ({})],
  ]

  it.each(shapes)('answers 401 unauthorized, never 500, to a token with %s', async (_label, claimsOf) => {
    const authorization = signed(claimsOf(live))
    for (const url of ['/api/auth/session', '/api/me', '/api/admin/complaints', `/api/classes/${randomUUID()}`]) {
      const response = await app.inject({ url, headers: { authorization } })
      expect({ url, status: response.statusCode }).toEqual({ url, status: 401 })
      expect(response.json()).toMatchObject({ code: 'unauthorized', message: '登录凭证无效' })
    }
  })

  it('still accepts the claims the BFF signs, and refuses well-formed ones of no session', async () => {
    expect((await app.inject({ url: '/api/auth/session', headers: { authorization: signed(live) } })).statusCode).toBe(200)
    const stranger = await app.inject({ url: '/api/auth/session', headers: { authorization: signed({ sub: randomUUID(), sid: randomUUID() }) } })
    expect(stranger.statusCode).toBe(401)
    expect(stranger.json()).toMatchObject({ code: 'unauthorized', message: '登录已失效，请重新登录' })
  })
})
