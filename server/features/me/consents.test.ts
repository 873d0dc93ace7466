import { acceptConsents, addChild } from './test-fixtures'
import { signedInUser, useTestApp } from '../../../test/support/test-app'

const { app, testDb } = useTestApp()
const CURRENT = '2026-11-28'

const consent = (headers: Record<string, string>, payload: object) => app.inject({ method: 'POST', url: '/api/me/consents', headers, payload })
const consentsOf = async (headers: Record<string, string>) => (await app.inject({ url: '/api/me', headers })).json().consents

describe('POST /api/me/consents', () => {
  it('answers 401 without a token', async () => {
    expect((await consent({}, { kind: 'privacy_policy', version: CURRENT, action: 'accept' })).statusCode).toBe(401)
  })

  it('starts with both consents needed, then records an acceptance', async () => {
    const { headers } = await signedInUser(app)
    expect(await consentsOf(headers)).toEqual({
      privacyPolicy: { currentVersion: CURRENT, acceptedVersion: null, acceptedAt: null, needed: true },
      childData: { currentVersion: CURRENT, acceptedVersion: null, acceptedAt: null, needed: true },
    })
    const accepted = await consent(headers, { kind: 'privacy_policy', version: CURRENT, action: 'accept' })
    expect(accepted.statusCode).toBe(200)
    expect(accepted.json()).toMatchObject({ currentVersion: CURRENT, acceptedVersion: CURRENT, needed: false, childrenDeleted: 0 })
    const { privacyPolicy, childData } = await consentsOf(headers)
    expect(privacyPolicy).toMatchObject({ acceptedVersion: CURRENT, needed: false })
    expect(privacyPolicy.acceptedAt).toBe(accepted.json().acceptedAt)
    expect(childData.needed).toBe(true)
  })

  it('refuses a version that is not the current one with 409 naming version', async () => {
    const { headers } = await signedInUser(app)
    const response = await consent(headers, { kind: 'privacy_policy', version: '2025-01-01', action: 'accept' })
    expect(response.statusCode).toBe(409)
    expect(response.json()).toMatchObject({ field: 'version' })
    expect(response.json().message).toContain(CURRENT)
  })

  it.each([
    [{ kind: 'location', version: CURRENT, action: 'accept' }, 'kind'],
    [{ kind: 'child_data', version: CURRENT, action: 'maybe' }, 'action'],
    [{ kind: 'child_data', action: 'accept' }, 'version'],
  ])('rejects a malformed body %j with 400 naming the field', async (payload, field) => {
    const { headers } = await signedInUser(app)
    const response = await consent(headers, payload)
    expect(response.statusCode).toBe(400)
    expect(response.json().field).toBe(field)
  })

  it('withdrawing child-data consent deletes all the children and says so; the history keeps every row', async () => {
    const { headers, userId } = await signedInUser(app)
    await acceptConsents(app, headers)
    await addChild(app, headers, { nickname: '老大', birthMonth: '2025-01' })
    await addChild(app, headers, { nickname: '老二', birthMonth: '2026-01' })
    const other = await signedInUser(app)
    await acceptConsents(app, other.headers)
    await addChild(app, other.headers, { nickname: '别家的', birthMonth: '2025-06' })

    const withdrawn = await consent(headers, { kind: 'child_data', version: CURRENT, action: 'withdraw' })
    expect(withdrawn.statusCode).toBe(200)
    expect(withdrawn.json()).toMatchObject({ acceptedVersion: null, acceptedAt: null, needed: true, childrenDeleted: 2 })
    expect(withdrawn.json().message).toContain('已删除')

    const db = testDb.database.db
    expect(await db.selectFrom('children').selectAll().where('userId', '=', userId).execute()).toEqual([])
    expect(await db.selectFrom('children').selectAll().where('userId', '=', other.userId).execute()).toHaveLength(1)
    const history = await db.selectFrom('consents').select(['kind', 'action']).where('userId', '=', userId).orderBy('id').execute()
    expect(history).toEqual([
      { kind: 'privacy_policy', action: 'accept' },
      { kind: 'child_data', action: 'accept' },
      { kind: 'child_data', action: 'withdraw' },
    ])
    expect((await consentsOf(headers)).childData.needed).toBe(true)
    expect((await addChild(app, headers, { nickname: '老三', birthMonth: '2026-05' })).json().error).toBe('ConsentRequired')
  })

  it('the latest row decides: accepting again after a withdrawal restores consent', async () => {
    const { headers } = await signedInUser(app)
    await consent(headers, { kind: 'privacy_policy', version: CURRENT, action: 'accept' })
    await consent(headers, { kind: 'privacy_policy', version: CURRENT, action: 'withdraw' })
    expect((await consentsOf(headers)).privacyPolicy.needed).toBe(true)
    await consent(headers, { kind: 'privacy_policy', version: CURRENT, action: 'accept' })
    expect((await consentsOf(headers)).privacyPolicy).toMatchObject({ acceptedVersion: CURRENT, needed: false })
  })

  // Last: a new policy version changes what "current" means for every other test in this file.
  it('a new policy version makes consent needed again, blocks children, and only the new version can be accepted', async () => {
    const { headers } = await signedInUser(app)
    await acceptConsents(app, headers)
    expect((await addChild(app, headers, { nickname: '小豆', birthMonth: '2025-10' })).statusCode).toBe(201)

    await testDb.database.db
      .insertInto('privacyPolicies')
      .values({ version: '2026-12-15', publishedAt: new Date().toISOString(), title: '吉林托育个人信息保护政策', body: '第二版' })
      .execute()
    const after = await consentsOf(headers)
    expect(after.privacyPolicy).toMatchObject({ currentVersion: '2026-12-15', acceptedVersion: CURRENT, needed: true })
    expect(after.childData).toMatchObject({ currentVersion: '2026-12-15', acceptedVersion: CURRENT, needed: true })
    expect((await addChild(app, headers, { nickname: '小米', birthMonth: '2025-10' })).json().error).toBe('ConsentRequired')

    expect((await consent(headers, { kind: 'privacy_policy', version: CURRENT, action: 'accept' })).statusCode).toBe(409)
    await acceptConsents(app, headers)
    expect(await consentsOf(headers)).toMatchObject({ privacyPolicy: { needed: false }, childData: { needed: false } })
    expect((await addChild(app, headers, { nickname: '小米', birthMonth: '2025-10' })).statusCode).toBe(201)
  })
})
