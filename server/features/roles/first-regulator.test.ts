import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database'
import { grantRegulatorByPhone } from './first-regulator-service'

let testDb: TestDatabase

beforeAll(async () => {
  testDb = await createTestDatabase()
})

afterAll(async () => {
  await testDb?.close()
})

it('creates the user by phone and grants provincial regulator with granted_by NULL, once', async () => {
  const db = testDb.database.db
  const first = await grantRegulatorByPhone(db, '13800000000', '220000')
  expect(first.userCreated).toBe(true)
  expect(first.grantId).not.toBeNull()
  const grant = await db.selectFrom('roleGrants').selectAll().where('id', '=', first.grantId!).executeTakeFirstOrThrow()
  expect(grant).toMatchObject({ userId: first.userId, role: 'regulator', regionCode: '220000', grantedBy: null, revokedAt: null })
  expect((await db.selectFrom('users').select('phone').where('id', '=', first.userId).executeTakeFirstOrThrow()).phone).toBe('13800000000')

  const again = await grantRegulatorByPhone(db, '13800000000', '220000')
  expect(again).toEqual({ userId: first.userId, userCreated: false, grantId: null })
  const city = await grantRegulatorByPhone(db, '13800000000', '220100')
  expect(city.grantId).not.toBeNull()
  expect(await db.selectFrom('roleGrants').select('id').where('userId', '=', first.userId).execute()).toHaveLength(2)
})
