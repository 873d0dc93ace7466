import { aHealthCentre } from '../../../test/support/seed-registry'
import { signedInRegulator, signedInUser, useTestApp } from '../../../test/support/test-app'
import { twoCities } from './test-fixtures'

const { app, testDb } = useTestApp()
let changchunInstitution: string
let yanbianInstitution: string
let yanbianCentre: string
let provincial: Awaited<ReturnType<typeof signedInUser>>
let changchunRegulator: Awaited<ReturnType<typeof signedInUser>>

beforeAll(async () => {
  ;({ changchun: changchunInstitution, yanbian: yanbianInstitution, changchunRegulator } = await twoCities(app))
  yanbianCentre = (
    await aHealthCentre(app, {
      name: '延吉市测试社区卫生服务中心（演示）',
      cityCode: '222400',
      districtCode: '222401',
      address: '示例路2号',
      lat: 42.89,
      lng: 129.51,
      phone: '0433-80000000',
      isDemo: true,
    })
  ).id
  provincial = await signedInRegulator(app, '220000')
})

const grant = (headers: Record<string, string>, payload: object) => app.inject({ method: 'POST', url: '/api/admin/roles', headers, payload })

describe('POST /api/admin/roles', () => {
  it('answers 401 without a token and 403 to a parent', async () => {
    const parent = await signedInUser(app)
    expect((await grant({}, { userId: parent.userId, role: 'committee', institutionId: changchunInstitution })).statusCode).toBe(401)
    const response = await grant(parent.headers, { userId: parent.userId, role: 'committee', institutionId: changchunInstitution })
    expect(response.statusCode).toBe(403)
    expect((await app.inject({ url: '/api/admin/roles', headers: parent.headers })).statusCode).toBe(403)
  })

  it('lets a 市州 regulator grant a committee role in their 市州, found by phone, and records who and when', async () => {
    const parent = await signedInUser(app)
    const response = await grant(changchunRegulator.headers, { phone: parent.phone, role: 'committee', institutionId: changchunInstitution })
    expect(response.statusCode).toBe(201)
    const record = response.json()
    expect(record).toMatchObject({
      userId: parent.userId,
      role: 'committee',
      institutionId: changchunInstitution,
      institutionName: '长春托育园',
      centreId: null,
      regionCode: null,
      grantedBy: changchunRegulator.userId,
      revokedAt: null,
      revokedBy: null,
    })
    expect(Date.parse(record.grantedAt)).toBeGreaterThan(Date.now() - 60_000)
    expect((await app.inject({ url: '/api/me', headers: parent.headers })).json().roles).toEqual(['parent', 'committee'])

    const again = await grant(changchunRegulator.headers, { userId: parent.userId, role: 'committee', institutionId: changchunInstitution })
    expect(again.statusCode).toBe(409)
  })

  it('refuses a 长春 regulator granting for an institution, centre or region in 延边 (403 不能管理其他市州)', async () => {
    const parent = await signedInUser(app)
    for (const payload of [
      { role: 'committee', institutionId: yanbianInstitution },
      { role: 'centre_staff', centreId: yanbianCentre },
      { role: 'regulator', regionCode: '222400' },
      { role: 'regulator', regionCode: '220000' },
    ]) {
      const response = await grant(changchunRegulator.headers, { userId: parent.userId, ...payload })
      expect(response.statusCode).toBe(403)
      expect(response.json().message).toContain('不能管理其他市州')
    }
  })

  it('lets the provincial regulator grant anywhere, including another provincial regulator', async () => {
    const parent = await signedInUser(app)
    const payloads = [
      { role: 'committee', institutionId: yanbianInstitution },
      { role: 'centre_staff', centreId: yanbianCentre },
      { role: 'regulator', regionCode: '222400' },
      { role: 'regulator', regionCode: '220000' },
    ]
    const names = []
    for (const payload of payloads) {
      const response = await grant(provincial.headers, { userId: parent.userId, ...payload })
      expect(response.statusCode).toBe(201)
      names.push(response.json().institutionName ?? response.json().centreName ?? response.json().regionName)
    }
    expect(names).toEqual(['延吉托育园', '延吉市测试社区卫生服务中心（演示）', '延边朝鲜族自治州', '吉林省'])
  })

  it.each([
    [{ role: 'committee', institutionId: 'x' }, 'institutionId'],
    [{ role: 'committee' }, 'institutionId'],
    [{ role: 'committee', centreId: '00000000-0000-4000-8000-000000000000' }, 'centreId'],
    [{ role: 'centre_staff', institutionId: '00000000-0000-4000-8000-000000000000' }, 'institutionId'],
    [{ role: 'regulator' }, 'regionCode'],
    [{ role: 'regulator', regionCode: '220104' }, 'regionCode'],
    [{ role: 'regulator', regionCode: '110000' }, 'regionCode'],
    [{ role: 'regulator', regionCode: '2201' }, 'regionCode'],
    [{ role: 'parent', regionCode: '220100' }, 'role'],
  ])('rejects %j with 400 naming the field', async (payload, field) => {
    const parent = await signedInUser(app)
    const response = await grant(provincial.headers, { userId: parent.userId, ...payload })
    expect(response.statusCode).toBe(400)
    expect(response.json().field).toBe(field)
  })

  it('needs exactly one of userId and phone', async () => {
    const parent = await signedInUser(app)
    const both = await grant(provincial.headers, { userId: parent.userId, phone: parent.phone, role: 'regulator', regionCode: '220100' })
    expect(both.statusCode).toBe(400)
    expect(both.json().field).toBe('phone')
    const neither = await grant(provincial.headers, { role: 'regulator', regionCode: '220100' })
    expect(neither.statusCode).toBe(400)
    expect(neither.json().field).toBe('userId')
    const badPhone = await grant(provincial.headers, { phone: '12345', role: 'regulator', regionCode: '220100' })
    expect(badPhone.json().field).toBe('phone')
  })

  it('answers 404 for an unknown user, institution or centre', async () => {
    const parent = await signedInUser(app)
    const unknown = '00000000-0000-4000-8000-000000000000'
    expect((await grant(provincial.headers, { phone: '13000000001', role: 'regulator', regionCode: '220100' })).statusCode).toBe(404)
    expect((await grant(provincial.headers, { userId: unknown, role: 'regulator', regionCode: '220100' })).statusCode).toBe(404)
    expect((await grant(provincial.headers, { userId: parent.userId, role: 'committee', institutionId: unknown })).statusCode).toBe(404)
    expect((await grant(provincial.headers, { userId: parent.userId, role: 'centre_staff', centreId: unknown })).statusCode).toBe(404)
  })
})

describe('DELETE /api/admin/roles/:id', () => {
  it('revokes within the 市州, keeping the row as the record', async () => {
    const parent = await signedInUser(app)
    const granted = (await grant(changchunRegulator.headers, { userId: parent.userId, role: 'regulator', regionCode: '220100' })).json()
    const revoked = await app.inject({ method: 'DELETE', url: `/api/admin/roles/${granted.id}`, headers: changchunRegulator.headers })
    expect(revoked.statusCode).toBe(200)
    expect(revoked.json()).toMatchObject({ id: granted.id, revokedBy: changchunRegulator.userId, grantedBy: changchunRegulator.userId })
    expect(revoked.json().revokedAt).not.toBeNull()
    expect((await app.inject({ url: '/api/me', headers: parent.headers })).json().roles).toEqual(['parent'])
    expect(await testDb.database.db.selectFrom('roleGrants').select('id').where('id', '=', granted.id).execute()).toHaveLength(1)
    // Granting again after a revocation is a new grant, not a conflict.
    expect((await grant(changchunRegulator.headers, { userId: parent.userId, role: 'regulator', regionCode: '220100' })).statusCode).toBe(201)
  })

  it('refuses to revoke a grant in another 市州 (403); the provincial regulator can', async () => {
    const parent = await signedInUser(app)
    const granted = (await grant(provincial.headers, { userId: parent.userId, role: 'committee', institutionId: yanbianInstitution })).json()
    const refused = await app.inject({ method: 'DELETE', url: `/api/admin/roles/${granted.id}`, headers: changchunRegulator.headers })
    expect(refused.statusCode).toBe(403)
    expect(refused.json().message).toContain('不能管理其他市州')
    const ok = await app.inject({ method: 'DELETE', url: `/api/admin/roles/${granted.id}`, headers: provincial.headers })
    expect(ok.statusCode).toBe(200)
    expect(ok.json().revokedBy).toBe(provincial.userId)
  })

  it('answers 404 for an unknown grant and 400 for a malformed id', async () => {
    expect((await app.inject({ method: 'DELETE', url: '/api/admin/roles/00000000-0000-4000-8000-000000000000', headers: provincial.headers })).statusCode).toBe(
      404,
    )
    const malformed = await app.inject({ method: 'DELETE', url: '/api/admin/roles/42', headers: provincial.headers })
    expect(malformed.statusCode).toBe(400)
    expect(malformed.json().field).toBe('id')
  })
})

describe('GET /api/admin/roles', () => {
  it('lists only grants within the caller’s 市州, revoked ones included', async () => {
    const changchun = (await app.inject({ url: '/api/admin/roles', headers: changchunRegulator.headers })).json().items
    expect(changchun.length).toBeGreaterThan(0)
    for (const g of changchun) expect(g.institutionId === changchunInstitution || g.regionCode === '220100').toBe(true)
    expect(changchun.some((g: { revokedAt: string | null }) => g.revokedAt !== null)).toBe(true)

    const all = (await app.inject({ url: '/api/admin/roles', headers: provincial.headers })).json().items
    expect(all.length).toBeGreaterThan(changchun.length)
    expect(all.some((g: { institutionId: string }) => g.institutionId === yanbianInstitution)).toBe(true)
  })

  it('filters by role, regionCode and institutionId', async () => {
    const committees = (await app.inject({ url: `/api/admin/roles?role=committee&institutionId=${yanbianInstitution}`, headers: provincial.headers })).json()
      .items
    expect(committees.length).toBeGreaterThan(0)
    for (const g of committees) expect(g).toMatchObject({ role: 'committee', institutionId: yanbianInstitution })
    const yanbian = (await app.inject({ url: '/api/admin/roles?regionCode=222400', headers: provincial.headers })).json().items
    for (const g of yanbian) expect([g.institutionName, g.centreName, g.regionName]).toEqual(expect.arrayContaining([expect.stringMatching(/延/)]))
    const province = (await app.inject({ url: '/api/admin/roles?regionCode=220000', headers: provincial.headers })).json().items
    expect(province.every((g: { regionCode: string }) => g.regionCode === '220000')).toBe(true)
  })

  it('refuses another 市州 as a filter (403) and a bad code (400 naming regionCode)', async () => {
    expect((await app.inject({ url: '/api/admin/roles?regionCode=222400', headers: changchunRegulator.headers })).statusCode).toBe(403)
    const bad = await app.inject({ url: '/api/admin/roles?regionCode=999999', headers: provincial.headers })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().field).toBe('regionCode')
    const badRole = await app.inject({ url: '/api/admin/roles?role=parent', headers: provincial.headers })
    expect(badRole.json().field).toBe('role')
  })
})
