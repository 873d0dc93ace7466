import { buildTestApp, useTestApp } from '../../../test/support/test-app'
import { IP_LIMITS } from '../../shared/ip-limits'
import { standInOpenid } from '../../shared/wechat/stand-in'
import { nextIp } from './test-helpers'

const { app, testDb, wechat } = useTestApp()

let serial = 0
/** A fresh mainland number and the getPhoneNumber code that names it in the stand-in. */
function aPhone() {
  serial += 1
  const phone = `135${String(process.pid % 1e4).padStart(4, '0')}${String(serial).padStart(4, '0')}`
  return { phone, code: (n = 1) => `phone-${phone}-${n}` }
}

const signIn = (phoneCode: string, loginCode: string, target = app) =>
  target.inject({ method: 'POST', url: '/api/auth/wechat/phone', payload: { phoneCode, loginCode }, remoteAddress: nextIp() })
const userRow = (id: string) => app.database.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow()

describe('POST /api/auth/wechat/phone (微信手机号快捷登录) against the WeChat stand-in', () => {
  it('creates one account holding the number WeChat verified and the openid, and finds it the next time', async () => {
    const { phone, code } = aPhone()
    const first = await signIn(code(1), 'quick-a-1')
    expect(first.statusCode).toBe(200)
    expect(first.json()).toMatchObject({ isNewUser: true, accessToken: expect.any(String) })
    expect(await userRow(first.json().userId)).toMatchObject({ phone, wechatOpenid: standInOpenid(wechat.appId, 'quick-a-1') })

    const again = await signIn(code(2), 'quick-a-2')
    expect(again.json()).toMatchObject({ isNewUser: false, userId: first.json().userId })
    // The same person signing in by WeChat alone lands in the same account.
    const byWechat = await app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: 'quick-a-3' }, remoteAddress: nextIp() })
    expect(byWechat.json().userId).toBe(first.json().userId)
  })

  it('signs in the account of an H5 parent who used SMS codes, and gives it the openid (messages can reach them)', async () => {
    const { phone, code } = aPhone()
    const h5 = await app.database.db.insertInto('users').values({ phone }).returning('id').executeTakeFirstOrThrow()
    const response = await signIn(code(), 'quick-b-1')
    expect(response.json()).toMatchObject({ isNewUser: false, userId: h5.id })
    expect((await userRow(h5.id)).wechatOpenid).toBe(standInOpenid(wechat.appId, 'quick-b-1'))
  })

  it('gives the verified number to the account of a parent who had signed in by WeChat only', async () => {
    const { phone, code } = aPhone()
    const wechatOnly = (await app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: 'quick-c-1' }, remoteAddress: nextIp() })).json()
    const response = await signIn(code(), 'quick-c-2')
    expect(response.json()).toMatchObject({ isNewUser: false, userId: wechatOnly.userId })
    expect((await userRow(wechatOnly.userId)).phone).toBe(phone)
  })

  it("signs in the phone's account when the openid belongs to another account, and leaves both accounts as they were", async () => {
    const { phone, code } = aPhone()
    const byPhone = await app.database.db.insertInto('users').values({ phone }).returning('id').executeTakeFirstOrThrow()
    const byWechat = (await app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: 'quick-d-1' }, remoteAddress: nextIp() })).json()
    const response = await signIn(code(), 'quick-d-2')
    expect(response.json()).toMatchObject({ userId: byPhone.id, isNewUser: false })
    expect((await userRow(byPhone.id)).wechatOpenid).toBeNull()
    expect(await userRow(byWechat.userId)).toMatchObject({ wechatOpenid: standInOpenid(wechat.appId, 'quick-d-1'), phone: null })
  })

  it('answers 401 in Chinese for a phone code WeChat refuses or that was used, and for a bad login code', async () => {
    const invalid = await signIn('invalid', 'quick-e-1')
    expect(invalid.statusCode).toBe(401)
    expect(invalid.json().message).toMatch(/^手机号授权已失效，请重新点击「微信手机号快捷登录」/)

    const { code } = aPhone()
    expect((await signIn(code(), 'quick-e-2')).statusCode).toBe(200)
    expect((await signIn(code(), 'quick-e-3')).statusCode).toBe(401)

    const badLogin = await signIn(aPhone().code(), 'invalid-code')
    expect(badLogin.statusCode).toBe(401)
    expect(badLogin.json().message).toMatch(/^微信登录凭证无效或已使用/)
  })

  it('answers 400 naming the field for an empty code', async () => {
    const response = await signIn('', 'quick-f-1')
    expect(response.statusCode).toBe(400)
    expect(response.json().field).toBe('phoneCode')
  })

  it('answers 502 (not 500) when WeChat cannot be reached', async () => {
    const unreachable = (await buildTestApp(testDb, { wechat: { apiBase: 'http://127.0.0.1:9', appId: 'wx', appSecret: 's' } })).app
    try {
      const response = await signIn(aPhone().code(), 'quick-g-1', unreachable)
      expect(response.statusCode).toBe(502)
      expect(response.json().message).toMatch(/^微信服务暂时不可用/)
    } finally {
      await unreachable.close()
    }
  })

  it(`is limited like the other sign-ins: 429 after ${IP_LIMITS.signIns.max} attempts in 15 minutes from one IP`, async () => {
    const ip = nextIp()
    const attempt = () =>
      app.inject({ method: 'POST', url: '/api/auth/wechat/phone', payload: { phoneCode: 'invalid', loginCode: 'invalid-code' }, remoteAddress: ip })
    for (let i = 0; i < IP_LIMITS.signIns.max; i += 1) expect((await attempt()).statusCode).toBe(401)
    expect((await attempt()).statusCode).toBe(429)
  })
})
