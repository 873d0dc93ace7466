import type { InstitutionSearchQuery } from '../../../../types/institutions'
import { generateInstitutionsCsv } from '../../../../scripts/generate-demo-data'
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database'
import { importInstitutionsCsv } from '../import/import-csv'
import { findInstitutions, institutionSearchAnswer } from '../institution-service'
import { toSearchCriteria } from '../search-criteria'
import { answersFromMemory, type NearbyIndex } from './nearby-index'
import { keepNearbyIndex } from './nearby-index-keeper'

// The in-memory answer must be the SQL search's answer as the API gives it, field for field: the same institutions in
// the same order, the same distances (to the 10 m shown; the libm under PostgreSQL and V8's may differ in a last bit,
// a nanometre), fees, classes, warnings, counts and paging, for every filter the finder offers.
let testDb: TestDatabase
let index: NearbyIndex

const CENTRES = [
  [43.88, 125.32],
  [43.84, 126.55],
  [42.89, 129.51],
  [45.14, 124.83],
]

/** A small deterministic random sequence, so a failure names a query that can be run again. */
function sequence(seed: number) {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31
    return state / 2 ** 31
  }
}

const FILTERS: Array<Partial<InstitutionSearchQuery>> = [
  {},
  { radiusKm: 3 },
  { radiusKm: 0.8 },
  { serviceForm: ['half_day'] },
  { serviceForm: ['hourly', 'full_day'], maxFee: 60 },
  { serviceForm: ['full_day'], maxFee: 2500 },
  { maxFee: 3000 },
  { kind: ['community', 'home'] },
  { childBirthMonth: '2025-06' },
  { childBirthMonth: '2024-09', vacanciesOnly: true },
  { vacanciesOnly: true },
  { minLevel: 'B' },
  { ownership: 'public', profit: 'nonprofit' },
  { inclusive: true },
  { demonstration: false, kind: ['standalone'] },
  { region: '220104' },
  { region: '220100', radiusKm: 20, vacanciesOnly: true },
]

function queries(): InstitutionSearchQuery[] {
  const random = sequence(20261202)
  const all: InstitutionSearchQuery[] = []
  for (const [lat, lng] of CENTRES) {
    for (const filter of FILTERS) {
      const origin = { lat: Number((lat + (random() - 0.5) * 0.4).toFixed(5)), lng: Number((lng + (random() - 0.5) * 0.4).toFixed(5)) }
      all.push({ ...origin, ...filter })
      all.push({ ...origin, ...filter, page: 3, pageSize: 7 })
    }
    const half = 0.15
    all.push({ lat, lng, bbox: [lng - half, lat - half, lng + half, lat + half].map((n) => n.toFixed(4)).join(','), pageSize: 50 })
    all.push({ lat, lng, pageSize: 50, page: 12 })
  }
  return all
}

beforeAll(async () => {
  testDb = await createTestDatabase()
  const report = await importInstitutionsCsv(testDb.database.db, generateInstitutionsCsv(1500, 7))
  expect(report.imported).toBe(1500)
  const keeper = keepNearbyIndex(testDb.database.db, { refreshMs: 0, onError: (error) => console.error(error) })
  index = (await keeper.current())!
  await keeper.stop()
}, 120_000)

afterAll(() => testDb.close())

it('answers every nearby query exactly as the SQL search does', async () => {
  let compared = 0
  let shown = 0
  let warned = 0
  for (const query of queries()) {
    expect(answersFromMemory(toSearchCriteria(query, testDb.reference))).toBe(true)
    const fromMemory = await findInstitutions(testDb.database.db, index, query, testDb.reference)
    const fromSql = await findInstitutions(testDb.database.db, null, query, testDb.reference)
    expect({ query, answer: fromMemory }).toStrictEqual({ query, answer: fromSql })
    // What the route sends: the page pieced together from each institution's JSON text is the same page.
    const sent = await institutionSearchAnswer(testDb.database.db, index, query, testDb.reference)
    expect({ query, answer: 'json' in sent && JSON.parse(sent.json) }).toStrictEqual({ query, answer: JSON.parse(JSON.stringify(fromSql)) })
    compared += 1
    shown += fromMemory.items.length
    warned += fromMemory.items.filter((item) => item.warning).length
  }
  // Not a comparison of empty pages: most queries find institutions, some of them under a sanction warning.
  expect(compared).toBe(queries().length)
  expect(shown).toBeGreaterThan(compared * 5)
  expect(warned).toBeGreaterThan(0)
})

it('counts an unfiltered list without a location from memory, as SQL counts it', async () => {
  for (const query of [{}, { sort: 'fee' as const, page: 2 }, { ownership: 'public' as const }]) {
    const withIndex = await findInstitutions(testDb.database.db, index, query, testDb.reference)
    const withoutIndex = await findInstitutions(testDb.database.db, null, query, testDb.reference)
    expect(withIndex).toStrictEqual(withoutIndex)
  }
  expect((await findInstitutions(testDb.database.db, index, {}, testDb.reference)).total).toBe(1000)
})

it('leaves a name search and other orders to SQL', () => {
  const named = toSearchCriteria({ lat: 43.88, lng: 125.32, q: '托育' }, testDb.reference)
  const byGrade = toSearchCriteria({ lat: 43.88, lng: 125.32, sort: 'grade' }, testDb.reference)
  const noOrigin = toSearchCriteria({}, testDb.reference)
  expect([named, byGrade, noOrigin].map(answersFromMemory)).toEqual([false, false, false])
})
