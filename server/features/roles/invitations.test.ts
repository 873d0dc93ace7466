import { CODE_ALPHABET } from './invitation-code'
import { twoCities } from './test-fixtures'
import { signedInRegulator, signedInUser, signedInWith, useTestApp } from '../../../test/support/test-app'

const { app, testDb } = useTestApp()
let changchun: string
let yanbian: string
let committee: Awaited<ReturnType<typeof signedInUser>>
let changchunRegulator: Awaited<ReturnType<typeof signedInUser>>

beforeAll(async () => {
  ;({ changchun, yanbian, changchunRegulator } = await twoCities(app))
  committee = await signedInWith(app, { role: 'committee', institutionId: changchun })
})

const create = (institutionId: string, headers: Record<string, string>, payload: object = {}) =>
  app.inject({ method: 'POST', url: `/api/institutions/${institutionId}/invitations`, headers, payload })

describe('invitation codes', () => {
  it('lets the committee create a code: 8 unambiguous characters, default 100 uses for 30 days', async () => {
    const response = await create(changchun, committee.headers)
    expect(response.statusCode).toBe(201)
    const invitation = response.json()
    expect(invitation.code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{8}$`))
    expect(invitation.code).not.toMatch(/[01OI]/)
    expect(invitation).toMatchObject({ institutionId: changchun, maxUses: 100, uses: 0 })
    const days = (Date.parse(invitation.expiresAt) - Date.now()) / 86_400_000
    expect(days).toBeGreaterThan(29.9)
    expect(days).toBeLessThanOrEqual(30)
    const stored = await testDb.database.db.selectFrom('invitations').select('createdBy').where('code', '=', invitation.code).executeTakeFirstOrThrow()
    expect(stored.createdBy).toBe(committee.userId)
  })

  it('lets a regulator of the 市州 create one with its own limits', async () => {
    const response = await create(changchun, changchunRegulator.headers, { maxUses: 3, validDays: 7 })
    expect(response.statusCode).toBe(201)
    expect(response.json()).toMatchObject({ maxUses: 3 })
  })

  it('refuses a parent, another institution’s committee and a regulator of another 市州 (403); 401 without a token', async () => {
    const parent = await signedInUser(app)
    expect((await create(changchun, {})).statusCode).toBe(401)
    expect((await create(changchun, parent.headers)).statusCode).toBe(403)
    expect((await create(yanbian, committee.headers)).statusCode).toBe(403)
    expect((await create(yanbian, changchunRegulator.headers)).statusCode).toBe(403)
    expect((await app.inject({ url: `/api/institutions/${yanbian}/invitations`, headers: changchunRegulator.headers })).statusCode).toBe(403)
  })

  it('answers 404 for an unknown institution and 400 naming the field for bad input', async () => {
    expect((await create('00000000-0000-4000-8000-000000000000', changchunRegulator.headers)).statusCode).toBe(404)
    const badId = await create('nope', committee.headers)
    expect([badId.statusCode, badId.json().field]).toEqual([400, 'id'])
    for (const [payload, field] of [
      [{ maxUses: 0 }, 'maxUses'],
      [{ validDays: 91 }, 'validDays'],
      [{ maxUses: 'many' }, 'maxUses'],
    ] as const) {
      const response = await create(changchun, committee.headers, payload)
      expect([response.statusCode, response.json().field]).toEqual([400, field])
    }
  })

  it('lists only active codes and revokes one (204); a parent can then no longer link with it', async () => {
    const kept = (await create(changchun, committee.headers)).json()
    const revoked = (await create(changchun, committee.headers)).json()
    await testDb.database.db
      .insertInto('invitations')
      .values([
        { code: 'EXPD2345', institutionId: changchun, expiresAt: '2020-01-01T00:00:00Z', maxUses: 5 },
        { code: 'USED2345', institutionId: changchun, expiresAt: '2099-01-01T00:00:00Z', maxUses: 1, uses: 1 },
      ])
      .execute()

    const del = await app.inject({ method: 'DELETE', url: `/api/institutions/${changchun}/invitations/${revoked.code}`, headers: committee.headers })
    expect(del.statusCode).toBe(204)
    const codes = (await app.inject({ url: `/api/institutions/${changchun}/invitations`, headers: committee.headers }))
      .json()
      .items.map((i: { code: string }) => i.code)
    expect(codes).toContain(kept.code)
    expect(codes).not.toContain(revoked.code)
    expect(codes).not.toContain('EXPD2345')
    expect(codes).not.toContain('USED2345')

    const parent = await signedInUser(app)
    const refused = await app.inject({ method: 'POST', url: '/api/me/institutions', headers: parent.headers, payload: { code: revoked.code } })
    expect(refused.statusCode).toBe(404)
    const linked = await app.inject({ method: 'POST', url: '/api/me/institutions', headers: parent.headers, payload: { code: kept.code } })
    expect(linked.statusCode).toBe(201)
  })

  it('answers 404 when revoking a code of another institution or an unknown code, 403 for another 市州', async () => {
    const code = (await create(changchun, committee.headers)).json().code
    const provincial = await signedInRegulator(app, '220000')
    expect((await app.inject({ method: 'DELETE', url: `/api/institutions/${yanbian}/invitations/${code}`, headers: provincial.headers })).statusCode).toBe(404)
    expect((await app.inject({ method: 'DELETE', url: `/api/institutions/${changchun}/invitations/ZZZZ2345`, headers: committee.headers })).statusCode).toBe(
      404,
    )
    expect(
      (await app.inject({ method: 'DELETE', url: `/api/institutions/${yanbian}/invitations/${code}`, headers: changchunRegulator.headers })).statusCode,
    ).toBe(403)
    const malformed = await app.inject({ method: 'DELETE', url: `/api/institutions/${changchun}/invitations/ab`, headers: committee.headers })
    expect([malformed.statusCode, malformed.json().field]).toEqual([400, 'code'])
  })
})
