import { aRecord, anEvaluation } from '../../../test/support/institution-builder'
import { seedRecords } from '../../../test/support/seed-registry'
import { chinaToday } from '../../shared/china-time'
import { useTestApp } from '../../../test/support/test-app'

const today = chinaToday()
const FAR = '2099-12-31'

const records = {
  downgraded: aRecord({
    name: '降级托育园',
    evaluations: [anEvaluation('2026年第一批', '2026-05-10', 'C', FAR), anEvaluation('2024年第一批', '2024-05-10', 'A', '2026-05-09')],
  }),
  lapsed: aRecord({ name: '过期托育园', evaluations: [anEvaluation('2023年第一批', '2023-05-10', 'B', '2025-05-09')] }),
  lapsedAndDowngraded: aRecord({
    name: '降级又过期托育园',
    evaluations: [anEvaluation('2023年第二批', '2023-10-10', 'D', '2025-10-09'), anEvaluation('2022年第一批', '2022-05-10', 'B', '2024-05-09')],
  }),
  upgraded: aRecord({
    name: '升级托育园',
    evaluations: [anEvaluation('2026年第一批', '2026-05-10', 'A', FAR), anEvaluation('2024年第一批', '2024-05-10', 'C', '2026-05-09')],
  }),
  validToday: aRecord({ name: '今天到期托育园', evaluations: [anEvaluation('2024年第一批', '2024-05-10', 'B', today)] }),
  ungraded: aRecord({ name: '未评级托育园' }),
}

const { app } = useTestApp()
let ids: Record<keyof typeof records, string>

beforeAll(async () => {
  ids = await seedRecords(app, records)
})

async function warningOf(key: keyof typeof records) {
  const response = await app.inject({ method: 'GET', url: `/api/institutions/${ids[key]}` })
  expect(response.statusCode).toBe(200)
  return response.json().gradeWarning
}

describe('GET /api/institutions/:id — gradeWarning', () => {
  it('warns of a downgrade with the date of the evaluation that lowered the grade', async () => {
    expect(await warningOf('downgraded')).toEqual({
      kind: 'downgraded',
      on: '2026-05-10',
      level: 'C',
      levelLabel: 'C级（合格）',
      previousLevel: 'A',
      previousLevelLabel: 'A级（优秀）',
    })
  })

  it('warns of a lapsed grade with the day its validity ended', async () => {
    expect(await warningOf('lapsed')).toEqual({
      kind: 'lapsed',
      on: '2025-05-09',
      level: 'B',
      levelLabel: 'B级（良好）',
      previousLevel: null,
      previousLevelLabel: null,
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
