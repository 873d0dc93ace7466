import { wxRequestWithoutData } from '../../../test/support/wx-request'
import { aRecord } from '../../../test/support/institution-builder'
import { aHealthCentre, seedRecords } from '../../../test/support/seed-registry'
import { acceptConsents, addChild } from './test-fixtures'
import { grantRole, signedInUser, useTestApp } from '../../../test/support/test-app'

const { app, testDb } = useTestApp()
let institutionId: string
let centreId: string

const PERSONAL_TABLES = ['children', 'consents', 'institutionLinks', 'favourites', 'sessions', 'roleGrants'] as const

beforeAll(async () => {
  institutionId = (await seedRecords(app, { institution: aRecord({ name: '红旗街托育园' }) })).institution
  centreId = (await aHealthCentre(app, { name: '朝阳区测试社区卫生服务中心（演示）', isDemo: true })).id
})

describe('GET /api/me', () => {
  it('answers 401 without a token or with a bad one', async () => {
    expect((await app.inject('/api/me')).statusCode).toBe(401)
    expect((await app.inject({ url: '/api/me', headers: { authorization: 'Bearer nonsense' } })).statusCode).toBe(401)
  })

  it('shows a parent with a masked phone and no grants', async () => {
    const { headers, userId } = await signedInUser(app, { phone: '13812345678' })
    const me = (await app.inject({ url: '/api/me', headers })).json()
    expect(me).toMatchObject({ id: userId, phone: '138****5678', wechat: false, roles: ['parent'], grants: [] })
    expect(me.consents.privacyPolicy.needed).toBe(true)
  })

  it('lists distinct active roles after parent, with the names of what each grant covers', async () => {
    const { headers, userId } = await signedInUser(app)
    await grantRole(app, userId, { role: 'committee', institutionId })
    await grantRole(app, userId, { role: 'centre_staff', centreId })
    await grantRole(app, userId, { role: 'regulator', regionCode: '220100' })
    await grantRole(app, userId, { role: 'regulator', regionCode: '220000' })
    const revoked = await grantRole(app, userId, { role: 'regulator', regionCode: '222400' })
    await testDb.database.db.updateTable('roleGrants').set({ revokedAt: new Date().toISOString() }).where('id', '=', revoked.id).execute()

    const me = (await app.inject({ url: '/api/me', headers })).json()
    expect(me.roles).toEqual(expect.arrayContaining(['parent', 'committee', 'centre_staff', 'regulator']))
    expect(me.roles).toHaveLength(4)
    expect(me.roles[0]).toBe('parent')
    expect(me.grants).toHaveLength(4)
    const byRole = (role: string) => me.grants.filter((g: { role: string }) => g.role === role)
    expect(byRole('committee')[0]).toMatchObject({ institutionId, institutionName: '红旗街托育园', centreId: null, regionCode: null })
    expect(byRole('centre_staff')[0]).toMatchObject({ centreId, centreName: '朝阳区测试社区卫生服务中心（演示）' })
    expect(
      byRole('regulator')
        .map((g: { regionName: string }) => g.regionName)
        .sort(),
    ).toEqual(['吉林省', '长春市'].sort())
  })
})

describe('GET /api/me/export', () => {
  it('downloads everything held, with the phone unmasked and no token hashes', async () => {
    const { headers, userId, phone, refreshToken } = await signedInUser(app)
    await acceptConsents(app, headers)
    await addChild(app, headers, { nickname: '小豆', birthMonth: '2025-06' })
    await app.inject({ method: 'PUT', url: `/api/me/favourites/${institutionId}`, headers })
    await testDb.database.db.insertInto('invitations').values({ code: 'EXPRT234', institutionId, expiresAt: '2099-01-01T00:00:00Z', maxUses: 5 }).execute()
    await app.inject({ method: 'POST', url: '/api/me/institutions', headers, payload: { code: 'EXPRT234' } })
    await grantRole(app, userId, { role: 'committee', institutionId })

    const response = await app.inject({ url: '/api/me/export', headers })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="jilin-tuoyu-export-\d{8}\.json"$/)
    const data = response.json()
    expect(data.account).toMatchObject({ id: userId, phone, wechatLinked: false })
    expect(data.children).toEqual([expect.objectContaining({ nickname: '小豆', birthMonth: '2025-06' })])
    expect(data.consents.map((c: { kind: string }) => c.kind)).toEqual(['privacy_policy', 'child_data'])
    expect(data.favourites).toEqual([expect.objectContaining({ institutionId, name: '红旗街托育园' })])
    expect(data.institutionLinks).toEqual([expect.objectContaining({ institutionId, name: '红旗街托育园', districtName: '朝阳区' })])
    expect(data.roleGrants).toEqual([expect.objectContaining({ role: 'committee', institutionName: '红旗街托育园', revokedAt: null })])
    expect(data.sessions).toEqual([expect.objectContaining({ method: 'phone', revokedAt: null })])
    expect(Object.keys(data.sessions[0]).sort()).toEqual(['createdAt', 'expiresAt', 'method', 'revokedAt'])
    expect(data.heldElsewhere.join('\n')).toContain('投诉')

    const hash = (await testDb.database.db.selectFrom('sessions').select('refreshTokenHash').where('userId', '=', userId).executeTakeFirstOrThrow())
      .refreshTokenHash
    expect(response.body).not.toContain(hash)
    expect(response.body).not.toContain(refreshToken)
    expect(response.body).not.toMatch(/hash/i)
  })

  it('answers 401 without a token', async () => {
    expect((await app.inject('/api/me/export')).statusCode).toBe(401)
  })
})

describe('DELETE /api/me', () => {
  it('deletes the account and all its data in every table; the old token then gets 401', async () => {
    const db = testDb.database.db
    const { headers, userId } = await signedInUser(app)
    await acceptConsents(app, headers)
    await addChild(app, headers, { nickname: '小豆', birthMonth: '2025-06' })
    await app.inject({ method: 'PUT', url: `/api/me/favourites/${institutionId}`, headers })
    await db.insertInto('invitations').values({ code: 'DELTE234', institutionId, expiresAt: '2099-01-01T00:00:00Z', maxUses: 5 }).execute()
    await app.inject({ method: 'POST', url: '/api/me/institutions', headers, payload: { code: 'DELTE234' } })
    const ownGrant = await grantRole(app, userId, { role: 'regulator', regionCode: '220100' })
    // Someone this user granted a role to: that record stays, with granted_by and revoked_by set to NULL.
    const colleague = await signedInUser(app)
    const theirs = await db
      .insertInto('roleGrants')
      .values({ userId: colleague.userId, role: 'regulator', regionCode: '220100', grantedBy: userId, revokedBy: userId, revokedAt: new Date().toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow()
    for (const table of PERSONAL_TABLES) {
      expect((await db.selectFrom(table).select('userId').where('userId', '=', userId).execute()).length).toBeGreaterThan(0)
    }

    const response = await app.inject({ method: 'DELETE', url: '/api/me', headers })
    expect(response.statusCode).toBe(204)
    expect(response.body).toBe('')

    for (const table of PERSONAL_TABLES) {
      expect(await db.selectFrom(table).select('userId').where('userId', '=', userId).execute()).toEqual([])
    }
    expect(await db.selectFrom('users').select('id').where('id', '=', userId).execute()).toEqual([])
    expect(await db.selectFrom('roleGrants').select('id').where('id', '=', ownGrant.id).execute()).toEqual([])
    expect(await db.selectFrom('roleGrants').select(['grantedBy', 'revokedBy']).where('id', '=', theirs.id).executeTakeFirstOrThrow()).toEqual({
      grantedBy: null,
      revokedBy: null,
    })
    expect(await db.selectFrom('institutions').select('id').where('id', '=', institutionId).execute()).toHaveLength(1)

    expect((await app.inject({ url: '/api/me', headers })).statusCode).toBe(401)
    expect((await app.inject({ method: 'DELETE', url: '/api/me', headers })).statusCode).toBe(401)
    expect((await app.inject({ url: '/api/me', headers: colleague.headers })).statusCode).toBe(200)
  })

  it('deletes the account as wx.request sends it (JSON content type, no body)', async () => {
    const { headers, userId } = await signedInUser(app)
    await acceptConsents(app, headers)
    await addChild(app, headers, { nickname: '小豆', birthMonth: '2025-06' })
    expect((await wxRequestWithoutData(app, 'DELETE', '/api/me', headers)).statusCode).toBe(204)
    expect(await testDb.database.db.selectFrom('users').select('id').where('id', '=', userId).execute()).toEqual([])
    expect((await app.inject({ url: '/api/me', headers })).statusCode).toBe(401)
  })
})
