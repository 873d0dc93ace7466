import { wxRequestWithoutData } from '../../../test/support/wx-request'
import { aRecord } from '../../../test/support/institution-builder'
import { upsertInstitutions } from '../institutions/import/upsert'
import { signedInUser, useTestApp } from '../../../test/support/test-app'

const { app, testDb } = useTestApp()
const ids: Record<string, string> = {}
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000'
const FUTURE = '2099-01-01T00:00:00Z'

beforeAll(async () => {
  const db = testDb.database.db
  await upsertInstitutions(db, [aRecord({ name: '甲托育园' }), aRecord({ name: '乙托育园' }), aRecord({ name: '丙托育园' })])
  for (const row of await db.selectFrom('institutions').select(['id', 'name']).execute()) ids[row.name] = row.id
  await db
    .insertInto('invitations')
    .values([
      { code: 'GOOD2345', institutionId: ids['甲托育园'], expiresAt: FUTURE, maxUses: 100 },
      { code: 'ONCE2345', institutionId: ids['乙托育园'], expiresAt: FUTURE, maxUses: 1 },
      { code: 'OLDX2345', institutionId: ids['乙托育园'], expiresAt: '2020-01-01T00:00:00Z', maxUses: 100 },
      { code: 'GONE2345', institutionId: ids['乙托育园'], expiresAt: FUTURE, maxUses: 100, revokedAt: '2026-01-01T00:00:00Z' },
      { code: 'FULL2345', institutionId: ids['丙托育园'], expiresAt: FUTURE, maxUses: 2, uses: 2 },
    ])
    .execute()
})

const link = (headers: Record<string, string>, code: string) => app.inject({ method: 'POST', url: '/api/me/institutions', headers, payload: { code } })
const usesOf = async (code: string) =>
  (await testDb.database.db.selectFrom('invitations').select('uses').where('code', '=', code).executeTakeFirstOrThrow()).uses

describe('linking to an institution with an invitation code', () => {
  it('answers 401 without a token', async () => {
    expect((await link({}, 'GOOD2345')).statusCode).toBe(401)
    expect((await app.inject('/api/me/institutions')).statusCode).toBe(401)
  })

  it('links with a good code (201, one use), and linking again is idempotent (200, no second use)', async () => {
    const { headers } = await signedInUser(app)
    const first = await link(headers, 'GOOD2345')
    expect(first.statusCode).toBe(201)
    expect(first.json()).toMatchObject({ institutionId: ids['甲托育园'], name: '甲托育园', districtName: '朝阳区' })
    expect(await usesOf('GOOD2345')).toBe(1)

    const again = await link(headers, 'good2345')
    expect(again.statusCode).toBe(200)
    expect(again.json()).toEqual(first.json())
    expect(await usesOf('GOOD2345')).toBe(1)
    expect((await app.inject({ url: '/api/me/institutions', headers })).json().items).toEqual([first.json()])
  })

  it.each([
    ['an unknown code', 'NOPE2345'],
    ['an expired code', 'OLDX2345'],
    ['a revoked code', 'GONE2345'],
    ['a used-up code', 'FULL2345'],
  ])('refuses %s with 404 邀请码无效或已过期 and links nothing', async (_label, code) => {
    const { headers, userId } = await signedInUser(app)
    const response = await link(headers, code)
    expect(response.statusCode).toBe(404)
    expect(response.json().message).toContain('邀请码无效或已过期')
    expect(await testDb.database.db.selectFrom('institutionLinks').selectAll().where('userId', '=', userId).execute()).toEqual([])
  })

  it('counts the last use once: the second parent gets 404 and the count stays at max', async () => {
    const first = await signedInUser(app)
    const second = await signedInUser(app)
    expect((await link(first.headers, 'ONCE2345')).statusCode).toBe(201)
    expect((await link(second.headers, 'ONCE2345')).statusCode).toBe(404)
    expect(await usesOf('ONCE2345')).toBe(1)
    expect((await link(first.headers, 'ONCE2345')).statusCode).toBe(200)
  })

  it('rejects a malformed code with 400 naming code', async () => {
    const { headers } = await signedInUser(app)
    for (const code of ['SHORT', 'GOOD-2345', '']) {
      const response = await link(headers, code)
      expect(response.statusCode).toBe(400)
      expect(response.json().field).toBe('code')
    }
  })

  it('unlinks (204, idempotent); 400 for a malformed id', async () => {
    const { headers } = await signedInUser(app)
    await link(headers, 'GOOD2345')
    expect((await app.inject({ method: 'DELETE', url: `/api/me/institutions/${ids['甲托育园']}`, headers })).statusCode).toBe(204)
    expect((await app.inject({ method: 'DELETE', url: `/api/me/institutions/${ids['甲托育园']}`, headers })).statusCode).toBe(204)
    expect((await app.inject({ url: '/api/me/institutions', headers })).json().items).toEqual([])
    const malformed = await app.inject({ method: 'DELETE', url: '/api/me/institutions/123', headers })
    expect(malformed.statusCode).toBe(400)
    expect(malformed.json().field).toBe('institutionId')
  })
  it('unlinks as wx.request sends it (JSON content type, no body)', async () => {
    const { headers } = await signedInUser(app)
    await link(headers, 'GOOD2345')
    expect((await wxRequestWithoutData(app, 'DELETE', `/api/me/institutions/${ids['甲托育园']}`, headers)).statusCode).toBe(204)
    expect((await app.inject({ url: '/api/me/institutions', headers })).json().items).toEqual([])
  })
})

describe('favourites synced to the account', () => {
  const favourites = async (headers: Record<string, string>) => (await app.inject({ url: '/api/me/favourites', headers })).json().institutionIds

  it('answers 401 without a token', async () => {
    expect((await app.inject('/api/me/favourites')).statusCode).toBe(401)
    expect((await app.inject({ method: 'PUT', url: `/api/me/favourites/${ids['甲托育园']}` })).statusCode).toBe(401)
  })

  it('adds (idempotent, newest first), removes, and 404s an unknown institution', async () => {
    const { headers } = await signedInUser(app)
    expect(await favourites(headers)).toEqual([])
    expect((await app.inject({ method: 'PUT', url: `/api/me/favourites/${ids['甲托育园']}`, headers })).statusCode).toBe(204)
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect((await app.inject({ method: 'PUT', url: `/api/me/favourites/${ids['乙托育园']}`, headers })).statusCode).toBe(204)
    expect((await app.inject({ method: 'PUT', url: `/api/me/favourites/${ids['甲托育园']}`, headers })).statusCode).toBe(204)
    expect(await favourites(headers)).toEqual([ids['乙托育园'], ids['甲托育园']])

    const unknown = await app.inject({ method: 'PUT', url: `/api/me/favourites/${UNKNOWN_ID}`, headers })
    expect(unknown.statusCode).toBe(404)
    const malformed = await app.inject({ method: 'PUT', url: '/api/me/favourites/abc', headers })
    expect(malformed.statusCode).toBe(400)
    expect(malformed.json().field).toBe('institutionId')

    expect((await app.inject({ method: 'DELETE', url: `/api/me/favourites/${ids['乙托育园']}`, headers })).statusCode).toBe(204)
    expect((await app.inject({ method: 'DELETE', url: `/api/me/favourites/${ids['乙托育园']}`, headers })).statusCode).toBe(204)
    expect(await favourites(headers)).toEqual([ids['甲托育园']])
  })

  it('adds and removes as wx.request sends it (JSON content type, no body)', async () => {
    const { headers } = await signedInUser(app)
    expect((await wxRequestWithoutData(app, 'PUT', `/api/me/favourites/${ids['甲托育园']}`, headers)).statusCode).toBe(204)
    expect(await favourites(headers)).toEqual([ids['甲托育园']])
    expect((await wxRequestWithoutData(app, 'DELETE', `/api/me/favourites/${ids['甲托育园']}`, headers)).statusCode).toBe(204)
    expect(await favourites(headers)).toEqual([])
  })

  it("merges the app's local favourites: the union, unknown ids skipped, nothing doubled", async () => {
    const { headers } = await signedInUser(app)
    await app.inject({ method: 'PUT', url: `/api/me/favourites/${ids['甲托育园']}`, headers })
    const merged = await app.inject({
      method: 'POST',
      url: '/api/me/favourites/merge',
      headers,
      payload: { institutionIds: [ids['丙托育园'], UNKNOWN_ID, ids['甲托育园'], ids['乙托育园']] },
    })
    expect(merged.statusCode).toBe(200)
    expect(merged.json().institutionIds).toEqual([ids['丙托育园'], ids['乙托育园'], ids['甲托育园']])
    expect(await favourites(headers)).toEqual(merged.json().institutionIds)
    const again = await app.inject({ method: 'POST', url: '/api/me/favourites/merge', headers, payload: { institutionIds: [] } })
    expect(again.json().institutionIds).toEqual(merged.json().institutionIds)
  })

  it('rejects a malformed merge body with 400 naming institutionIds', async () => {
    const { headers } = await signedInUser(app)
    for (const payload of [{}, { institutionIds: ['nope'] }, { institutionIds: [ids['甲托育园'], ids['甲托育园']] }]) {
      const response = await app.inject({ method: 'POST', url: '/api/me/favourites/merge', headers, payload })
      expect(response.statusCode).toBe(400)
      expect(response.json().field).toBe('institutionIds')
    }
  })
})
