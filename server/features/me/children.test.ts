import dayjs from 'dayjs'
import { wxRequestWithoutData } from '../../../test/support/wx-request'
import { chinaToday } from '../../shared/china-time'
import { acceptConsents, addChild } from './test-fixtures'
import { signedInUser, useTestApp } from '../../../test/support/test-app'

const { app, testDb } = useTestApp()

const monthsAgo = (n: number) => dayjs(chinaToday()).subtract(n, 'month').format('YYYY-MM')

describe('children need the guardian’s consent', () => {
  it('answers 401 without a token', async () => {
    expect((await app.inject('/api/me/children')).statusCode).toBe(401)
    expect((await app.inject({ method: 'POST', url: '/api/me/children', payload: { nickname: '小豆', birthMonth: monthsAgo(10) } })).statusCode).toBe(401)
  })

  it('refuses to add a child without consent (403 ConsentRequired), then adds it once both consents are given', async () => {
    const { headers } = await signedInUser(app)
    const refused = await addChild(app, headers, { nickname: '小豆', birthMonth: monthsAgo(10) })
    expect(refused.statusCode).toBe(403)
    expect(refused.json()).toMatchObject({ statusCode: 403, error: 'ConsentRequired' })
    expect(refused.json().message).toContain('个人信息保护政策')

    await acceptConsents(app, headers, ['privacy_policy'])
    const stillRefused = await addChild(app, headers, { nickname: '小豆', birthMonth: monthsAgo(10) })
    expect(stillRefused.statusCode).toBe(403)
    expect(stillRefused.json().error).toBe('ConsentRequired')
    expect(stillRefused.json().message).toContain('监护人')

    await acceptConsents(app, headers, ['child_data'])
    const created = await addChild(app, headers, { nickname: '  小豆  ', birthMonth: monthsAgo(10) })
    expect(created.statusCode).toBe(201)
    expect(created.json()).toMatchObject({ nickname: '小豆', birthMonth: monthsAgo(10), ageMonths: 10 })

    const list = (await app.inject({ url: '/api/me/children', headers })).json()
    expect(list.items.map((c: { nickname: string; ageMonths: number }) => [c.nickname, c.ageMonths])).toEqual([['小豆', 10]])
  })

  it('needs the privacy-policy consent too: child-data consent alone is not enough', async () => {
    const { headers } = await signedInUser(app)
    await acceptConsents(app, headers, ['child_data'])
    const refused = await addChild(app, headers, { nickname: '小米', birthMonth: monthsAgo(3) })
    expect(refused.statusCode).toBe(403)
    expect(refused.json().error).toBe('ConsentRequired')
  })

  it('refuses to edit a child after the child-data consent is withdrawn... which deletes the child anyway', async () => {
    const { headers } = await signedInUser(app)
    const version = await acceptConsents(app, headers)
    const child = (await addChild(app, headers, { nickname: '豆豆', birthMonth: monthsAgo(5) })).json()
    await app.inject({ method: 'POST', url: '/api/me/consents', headers, payload: { kind: 'privacy_policy', version, action: 'withdraw' } })
    const edit = await app.inject({ method: 'PUT', url: `/api/me/children/${child.id}`, headers, payload: { nickname: '新昵称', birthMonth: monthsAgo(5) } })
    expect(edit.statusCode).toBe(403)
    expect(edit.json().error).toBe('ConsentRequired')
  })
})

describe('child data rules', () => {
  let headers: { authorization: string }
  beforeAll(async () => {
    headers = (await signedInUser(app)).headers
    await acceptConsents(app, headers)
  })

  it.each([
    ['a future month', { nickname: '小豆', birthMonth: monthsAgo(-1) }, 'birthMonth'],
    ['more than 6 years ago', { nickname: '小豆', birthMonth: monthsAgo(73) }, 'birthMonth'],
    ['a malformed month', { nickname: '小豆', birthMonth: '2025-13' }, 'birthMonth'],
    ['a blank nickname', { nickname: '   ', birthMonth: monthsAgo(5) }, 'nickname'],
    ['a nickname over 12 characters', { nickname: '一二三四五六七八九十一二三', birthMonth: monthsAgo(5) }, 'nickname'],
    ['an ID number', { nickname: '220102202401011234', birthMonth: monthsAgo(5) }, 'nickname'],
    ['a phone number', { nickname: '豆13800001111', birthMonth: monthsAgo(5) }, 'nickname'],
    ['a missing field', { nickname: '小豆' }, 'birthMonth'],
    ['an extra field', { nickname: '小豆', birthMonth: monthsAgo(5), name: '张三' }, null],
  ])('rejects %s with 400 naming the field', async (_label, payload, field) => {
    const response = await app.inject({ method: 'POST', url: '/api/me/children', headers, payload })
    if (field === null) {
      // Extra properties are stripped by the schema (Fastify's removeAdditional): the name is never stored.
      expect(response.statusCode).toBe(201)
      expect(response.json()).not.toHaveProperty('name')
      await app.inject({ method: 'DELETE', url: `/api/me/children/${response.json().id}`, headers })
      return
    }
    expect(response.statusCode).toBe(400)
    expect(response.json().field).toBe(field)
  })

  it('accepts this month and exactly 6 years ago', async () => {
    for (const birthMonth of [monthsAgo(0), monthsAgo(72)]) {
      const response = await addChild(app, headers, { nickname: '边界', birthMonth })
      expect(response.statusCode).toBe(201)
      await app.inject({ method: 'DELETE', url: `/api/me/children/${response.json().id}`, headers })
    }
  })

  it('replaces nickname and birth month with PUT and recomputes the age; both are required', async () => {
    const child = (await addChild(app, headers, { nickname: '小豆', birthMonth: monthsAgo(12) })).json()
    const edit = (payload: object) => app.inject({ method: 'PUT', url: `/api/me/children/${child.id}`, headers, payload })
    const renamed = await edit({ nickname: ' 豆包 ', birthMonth: monthsAgo(12) })
    expect(renamed.statusCode).toBe(200)
    expect(renamed.json()).toMatchObject({ nickname: '豆包', birthMonth: monthsAgo(12), ageMonths: 12 })
    const moved = await edit({ nickname: '豆包', birthMonth: monthsAgo(20) })
    expect(moved.json()).toMatchObject({ nickname: '豆包', ageMonths: 20 })
    const partial = await edit({ birthMonth: monthsAgo(18) })
    expect(partial.statusCode).toBe(400)
    expect(partial.json().field).toBe('nickname')
    const future = await edit({ nickname: '豆包', birthMonth: monthsAgo(-2) })
    expect(future.statusCode).toBe(400)
    expect(future.json().field).toBe('birthMonth')
    expect((await app.inject({ url: '/api/me/children', headers })).json().items).toEqual([expect.objectContaining({ nickname: '豆包', ageMonths: 20 })])
    await app.inject({ method: 'DELETE', url: `/api/me/children/${child.id}`, headers })
  })

  it('deletes a child as wx.request sends it (JSON content type, no body)', async () => {
    const child = (await addChild(app, headers, { nickname: '小豆', birthMonth: monthsAgo(12) })).json()
    expect((await wxRequestWithoutData(app, 'DELETE', `/api/me/children/${child.id}`, headers)).statusCode).toBe(204)
    expect((await app.inject({ url: '/api/me/children', headers })).json().items).toEqual([])
  })

  it('answers 400 naming id for a malformed child id', async () => {
    for (const method of ['PUT', 'DELETE'] as const) {
      const response = await app.inject({
        method,
        url: '/api/me/children/not-a-uuid',
        headers,
        payload: method === 'PUT' ? { nickname: 'x', birthMonth: monthsAgo(3) } : undefined,
      })
      expect(response.statusCode).toBe(400)
      expect(response.json().field).toBe('id')
    }
  })

  it('allows at most 10 children', async () => {
    const { headers: parent } = await signedInUser(app)
    await acceptConsents(app, parent)
    for (let i = 1; i <= 10; i += 1) expect((await addChild(app, parent, { nickname: `孩子${i}`, birthMonth: monthsAgo(i) })).statusCode).toBe(201)
    const eleventh = await addChild(app, parent, { nickname: '孩子11', birthMonth: monthsAgo(11) })
    expect(eleventh.statusCode).toBe(409)
    expect(eleventh.json().message).toContain('10')
  })
})

describe("another parent's child", () => {
  it('is 404 to read, edit or delete, exactly like an unknown id', async () => {
    const owner = await signedInUser(app)
    await acceptConsents(app, owner.headers)
    const child = (await addChild(app, owner.headers, { nickname: '别人的孩子', birthMonth: monthsAgo(8) })).json()
    const other = await signedInUser(app)
    await acceptConsents(app, other.headers)

    expect((await app.inject({ url: '/api/me/children', headers: other.headers })).json().items).toEqual([])
    const edit = await app.inject({
      method: 'PUT',
      url: `/api/me/children/${child.id}`,
      headers: other.headers,
      payload: { nickname: '改名', birthMonth: monthsAgo(8) },
    })
    const del = await app.inject({ method: 'DELETE', url: `/api/me/children/${child.id}`, headers: other.headers })
    const unknown = await app.inject({ method: 'DELETE', url: '/api/me/children/00000000-0000-4000-8000-000000000000', headers: other.headers })
    expect([edit.statusCode, del.statusCode, unknown.statusCode]).toEqual([404, 404, 404])
    expect(del.json().message).toBe(unknown.json().message)

    const stored = await testDb.database.db.selectFrom('children').selectAll().where('id', '=', child.id).executeTakeFirstOrThrow()
    expect(stored.nickname).toBe('别人的孩子')
    expect((await app.inject({ method: 'DELETE', url: `/api/me/children/${child.id}`, headers: owner.headers })).statusCode).toBe(204)
  })
})
