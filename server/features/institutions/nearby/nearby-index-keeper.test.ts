import { sql } from 'kysely'
import { aRecord } from '../../../../test/support/institution-builder'
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database'
import { upsertInstitutions } from '../import/upsert'
import { toSearchCriteria } from '../search-criteria'
import type { SearchCriteria } from '../repository'
import { keepNearbyIndex, type NearbyIndexKeeper } from './nearby-index-keeper'

// Every BFF instance answers nearby searches from its own copy; a change written through any of them (or straight into
// the database by an import) must reach every copy within a few seconds, as production runs it (the log read every
// 50 ms here instead of every second).
let testDb: TestDatabase
const keepers: NearbyIndexKeeper[] = []
const ORIGIN = { lat: 43.9, lng: 125.4 }

function instance(): NearbyIndexKeeper {
  const keeper = keepNearbyIndex(testDb.database.db, { refreshMs: 50, onError: (error) => console.error(error) })
  keepers.push(keeper)
  return keeper
}

const near = (extra: Partial<Parameters<typeof toSearchCriteria>[0]> = {}) =>
  toSearchCriteria({ ...ORIGIN, radiusKm: 2, ...extra }, testDb.reference) as SearchCriteria & { origin: typeof ORIGIN }

/** What an instance answers, once it answers from memory. */
async function answer(keeper: NearbyIndexKeeper, criteria = near()) {
  const index = await keeper.current()
  return index ? index.search(criteria).hits.map((h) => ({ name: h.row.name, city: h.row.cityName, warning: h.warning?.measure ?? null })) : null
}

/** Waits up to `ms` for every instance to answer `expected`. */
async function expectEveryInstance(expected: unknown, criteria = near(), ms = 5000) {
  const deadline = Date.now() + ms
  for (;;) {
    const answers = await Promise.all(keepers.map((k) => answer(k, criteria)))
    if (answers.every((a) => JSON.stringify(a) === JSON.stringify(expected)) || Date.now() > deadline) {
      for (const a of answers) expect(a).toEqual(expected)
      return
    }
    await new Promise((r) => setTimeout(r, 25))
  }
}

beforeAll(async () => {
  testDb = await createTestDatabase()
  await upsertInstitutions(testDb.database.db, [aRecord({ name: '北湖托育园', ...ORIGIN, cityCode: '220100', districtCode: '220104' })])
  instance()
  instance()
  await expectEveryInstance([{ name: '北湖托育园', city: '长春市', warning: null }])
})

afterAll(async () => {
  await Promise.all(keepers.map((k) => k.stop()))
  await testDb.close()
})

it('shows a newly registered institution on every instance within seconds', async () => {
  await upsertInstitutions(testDb.database.db, [aRecord({ name: '新开托育园', lat: ORIGIN.lat + 0.001, lng: ORIGIN.lng })])
  await expectEveryInstance([
    { name: '北湖托育园', city: '长春市', warning: null },
    { name: '新开托育园', city: '长春市', warning: null },
  ])
})

it('shows vacancies as they change, and a published sanction at once', async () => {
  const { id } = await testDb.database.db.selectFrom('institutions').select('id').where('name', '=', '新开托育园').executeTakeFirstOrThrow()
  await testDb.database.db
    .updateTable('institutionClasses')
    .set({ enrolled: sql`capacity` })
    .where('institutionId', '=', id)
    .execute()
  await expectEveryInstance([{ name: '北湖托育园', city: '长春市', warning: null }], near({ childBirthMonth: '2025-06', vacanciesOnly: true }))

  await testDb.database.db
    .insertInto('sanctions')
    .values({ institutionId: id, kind: 'sanction', measure: '警告', reason: '超额收托', department: '长春市卫生健康委员会', decidedOn: '2026-11-30' })
    .execute()
  await expectEveryInstance([
    { name: '北湖托育园', city: '长春市', warning: null },
    { name: '新开托育园', city: '长春市', warning: '警告' },
  ])
})

it('drops a removed institution and renames a region everywhere', async () => {
  await testDb.database.db.deleteFrom('institutions').where('name', '=', '新开托育园').execute()
  await testDb.database.db.updateTable('regions').set({ name: '长春' }).where('code', '=', '220100').execute()
  await expectEveryInstance([{ name: '北湖托育园', city: '长春', warning: null }])
})

// Two transactions at once need a server: PGlite has one connection, so none can commit while another is open.
const onPostgres = process.env.DATABASE_URL ? it : it.skip
onPostgres('sees a change whose transaction commits after a later one was already read', async () => {
  await testDb.database.db.transaction().execute(async (slow) => {
    await upsertInstitutions(slow, [aRecord({ name: '慢提交托育园', lat: ORIGIN.lat + 0.002, lng: ORIGIN.lng })])
    await upsertInstitutions(testDb.database.db, [aRecord({ name: '快提交托育园', lat: ORIGIN.lat + 0.003, lng: ORIGIN.lng })])
    await expectEveryInstance([
      { name: '北湖托育园', city: '长春', warning: null },
      { name: '快提交托育园', city: '长春', warning: null },
    ])
  })
  await expectEveryInstance([
    { name: '北湖托育园', city: '长春', warning: null },
    { name: '慢提交托育园', city: '长春', warning: null },
    { name: '快提交托育园', city: '长春', warning: null },
  ])
})
