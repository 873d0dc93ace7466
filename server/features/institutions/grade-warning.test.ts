import type { FastifyInstance } from 'fastify'
import { buildTestApp } from '../../../test/support/test-app'
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database'
import { aRecord, dimensionScores } from '../../../test/support/institution-builder'
import type { InstitutionRecord } from './import/record'
import { upsertInstitutions } from './import/upsert'
import { chinaToday } from '../../shared/china-time'

type Evaluation = InstitutionRecord['evaluations'][number]
const scores = { A: 920, B: 800, C: 650, D: 500 } as const

function evaluation(round: string, evaluatedOn: string, validUntil: string, level: keyof typeof scores): Evaluation {
  const total = scores[level]
  // Spread over the seven dimensions so the total adds up (the import checks that; the upsert does not).
  const parts = [0.15, 0.15, 0.2, 0.15, 0.1, 0.15].map((share) => Math.floor(total * share))
  return { round, evaluatedOn, validUntil, level, score: total, department: '长春市卫生健康委员会', dimensionScores: dimensionScores([...parts, total - parts.reduce((a, b) => a + b, 0)]) }
}

const today = chinaToday()
const FAR = '2099-12-31'

const records = {
  downgraded: aRecord({ name: '降级托育园', evaluations: [evaluation('2026年第一批', '2026-05-10', FAR, 'C'), evaluation('2024年第一批', '2024-05-10', '2026-05-09', 'A')] }),
  lapsed: aRecord({ name: '过期托育园', evaluations: [evaluation('2023年第一批', '2023-05-10', '2025-05-09', 'B')] }),
  lapsedAndDowngraded: aRecord({ name: '降级又过期托育园', evaluations: [evaluation('2023年第二批', '2023-10-10', '2025-10-09', 'D'), evaluation('2022年第一批', '2022-05-10', '2024-05-09', 'B')] }),
  upgraded: aRecord({ name: '升级托育园', evaluations: [evaluation('2026年第一批', '2026-05-10', FAR, 'A'), evaluation('2024年第一批', '2024-05-10', '2026-05-09', 'C')] }),
  validToday: aRecord({ name: '今天到期托育园', evaluations: [evaluation('2024年第一批', '2024-05-10', today, 'B')] }),
  ungraded: aRecord({ name: '未评级托育园' }),
}

let testDb: TestDatabase
let app: FastifyInstance
const ids: Record<string, string> = {}

beforeAll(async () => {
  testDb = await createTestDatabase()
  const db = testDb.database.db
  await upsertInstitutions(db, Object.values(records))
  for (const [key, record] of Object.entries(records)) {
    ids[key] = (await db.selectFrom('institutions').select('id').where('creditCode', '=', record.creditCode).executeTakeFirstOrThrow()).id
  }
  app = (await buildTestApp(testDb)).app
})

afterAll(async () => {
  await app?.close()
  await testDb?.close()
})

async function warningOf(key: keyof typeof records) {
  const response = await app.inject({ method: 'GET', url: `/api/institutions/${ids[key]}` })
  expect(response.statusCode).toBe(200)
  return response.json().gradeWarning
}

describe('GET /api/institutions/:id — gradeWarning', () => {
  it('warns of a downgrade with the date of the evaluation that lowered the grade', async () => {
    expect(await warningOf('downgraded')).toEqual({
      kind: 'downgraded', on: '2026-05-10', level: 'C', levelLabel: 'C级（合格）', previousLevel: 'A', previousLevelLabel: 'A级（优秀）',
    })
  })

  it('warns of a lapsed grade with the day its validity ended', async () => {
    expect(await warningOf('lapsed')).toEqual({
      kind: 'lapsed', on: '2025-05-09', level: 'B', levelLabel: 'B级（良好）', previousLevel: null, previousLevelLabel: null,
    })
  })

  it('shows the lapse when the grade both went down and lapsed', async () => {
    expect(await warningOf('lapsedAndDowngraded')).toMatchObject({ kind: 'lapsed', on: '2025-10-09', level: 'D', previousLevel: 'B' })
  })

  it('has no warning after an upgrade, for a grade valid through today, or without any grade', async () => {
    expect(await warningOf('upgraded')).toBeNull()
    expect(await warningOf('validToday')).toBeNull()
    expect(await warningOf('ungraded')).toBeNull()
  })

  it('gives the same warnings in the side-by-side comparison', async () => {
    const response = await app.inject({ method: 'GET', url: `/api/institutions/compare?ids=${ids.downgraded},${ids.upgraded}` })
    expect(response.json().items.map((i: { gradeWarning: { kind: string } | null }) => i.gradeWarning?.kind ?? null)).toEqual(['downgraded', null])
  })
})
