import type { FastifyInstance } from 'fastify'
import { buildTestApp, useTestApp } from '../../../test/support/test-app'
import { startWechatStandIn, standInOpenid, type WechatStandIn } from '../../shared/wechat/stand-in'
import { nextIp } from './test-helpers'

let standIn: WechatStandIn

beforeAll(async () => {
  standIn = await startWechatStandIn()
})

afterAll(async () => {
  await standIn?.close()
})

// After the stand-in's beforeAll: the app is built to talk to it.
const { app, testDb } = useTestApp(() => ({ wechat: { apiBase: standIn.url, appId: standIn.appId, appSecret: standIn.appSecret } }))

const signIn = (target: FastifyInstance, code: string) => target.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code }, remoteAddress: nextIp() })

describe('POST /api/auth/wechat against the WeChat stand-in', () => {
  it('creates the user on the first sign-in and finds the same user the next time', async () => {
    const first = await signIn(app, 'parent-a-1')
    expect(first.statusCode).toBe(200)
    expect(first.json()).toMatchObject({ isNewUser: true })
    const second = await signIn(app, 'parent-a-2')
    expect(second.statusCode).toBe(200)
    expect(second.json()).toMatchObject({ isNewUser: false, userId: first.json().userId })

    const other = await signIn(app, 'parent-b-1')
    expect(other.json().userId).not.toBe(first.json().userId)
    const user = await app.database.db.selectFrom('users').selectAll().where('id', '=', first.json().userId).executeTakeFirstOrThrow()
    expect(user.wechatOpenid).toBe(standInOpenid(standIn.appId, 'parent-a-1'))
  })

  it('makes one user of two first sign-ins arriving at once', async () => {
    const both = await Promise.all([signIn(app, 'parent-g-1'), signIn(app, 'parent-g-2')])
    expect(both.map((r) => r.statusCode)).toEqual([200, 200])
    expect(both[0].json().userId).toBe(both[1].json().userId)
    expect(both.filter((r) => r.json().isNewUser)).toHaveLength(1)
  })

  it('signs in with tokens that open a protected route', async () => {
    const tokens = (await signIn(app, 'parent-c-1')).json()
    const session = await app.inject({ method: 'GET', url: '/api/auth/session', headers: { authorization: `Bearer ${tokens.accessToken}` } })
    expect(session.statusCode).toBe(200)
    expect(session.json()).toEqual({ userId: tokens.userId })
  })

  it('answers 401 for a code WeChat calls invalid', async () => {
    const response = await signIn(app, 'invalid-code')
    expect(response.statusCode).toBe(401)
    expect(response.json()).toMatchObject({ code: 'sign_in_rejected', message: expect.stringMatching(/^微信登录凭证无效/) })
    expect(response.json().detail).toContain('invalid code')
  })

  it('answers 401 for a code used before', async () => {
    expect((await signIn(app, 'parent-d-1')).statusCode).toBe(200)
    const again = await signIn(app, 'parent-d-1')
    expect(again.statusCode).toBe(401)
    expect(again.json().detail).toContain('code been used')
  })

  it('answers 400 naming the field for an empty code', async () => {
    const response = await signIn(app, '')
    expect(response.statusCode).toBe(400)
    expect(response.json().field).toBe('code')
  })

  it('answers 502 (not 500) when WeChat refuses the app secret', async () => {
    const misconfigured = (await buildTestApp(testDb, { wechat: { apiBase: standIn.url, appId: standIn.appId, appSecret: 'wrong-secret' } })).app
    try {
      const response = await signIn(misconfigured, 'parent-e-1')
      expect(response.statusCode).toBe(502)
      expect(response.json()).toMatchObject({ statusCode: 502, error: 'Bad Gateway' })
    } finally {
      await misconfigured.close()
    }
  })

  it('answers 502 when WeChat cannot be reached', async () => {
    const unreachable = (await buildTestApp(testDb, { wechat: { apiBase: 'http://127.0.0.1:9', appId: 'wx', appSecret: 's' } })).app
    try {
      expect((await signIn(unreachable, 'parent-f-1')).statusCode).toBe(502)
    } finally {
      await unreachable.close()
    }
  })
})

describe('WeChat stand-in: access token and subscription messages', () => {
  it('records a message sent with an access token it issued', async () => {
    const token = await (await fetch(`${standIn.url}/cgi-bin/token?grant_type=client_credential&appid=${standIn.appId}&secret=${standIn.appSecret}`)).json()
    expect(token).toMatchObject({ expires_in: 7200 })
    const message = { touser: 'o-user', template_id: 'tpl-class-reminder', page: 'pages/classes/index', data: { thing1: { value: '育儿课' } } }
    const sent = await fetch(`${standIn.url}/cgi-bin/message/subscribe/send?access_token=${token.access_token}`, {
      method: 'POST',
      body: JSON.stringify(message),
    })
    expect(await sent.json()).toMatchObject({ errcode: 0 })
    const refused = await fetch(`${standIn.url}/cgi-bin/message/subscribe/send?access_token=made-up`, { method: 'POST', body: JSON.stringify(message) })
    expect(await refused.json()).toMatchObject({ errcode: 40001 })

    const listed = await (await fetch(`${standIn.url}/__stand-in/messages`)).json()
    expect(listed).toEqual([expect.objectContaining({ touser: 'o-user', templateId: 'tpl-class-reminder', data: message.data })])
    expect(standIn.messages).toHaveLength(1)
  })

  it('refuses a token request with the wrong secret', async () => {
    const answer = await (await fetch(`${standIn.url}/cgi-bin/token?grant_type=client_credential&appid=${standIn.appId}&secret=nope`)).json()
    expect(answer).toEqual({ errcode: 40125, errmsg: 'invalid appsecret' })
  })
})
