import fs from 'node:fs'
import { aRecord, anEvaluation } from '../../../test/support/institution-builder'
import type { Bulletin, BulletinSummary } from '../../../types/bulletins'
import { DEMO_CSV } from '../institutions/demo-institutions'
import { importInstitutionsCsv } from '../institutions/import/import-csv'
import { upsertInstitutions } from '../institutions/import/upsert'
import { demoPublicationDay, seedDemoBulletins } from './demo-bulletins'
import { useTestApp } from '../../../test/support/test-app'

const { app, testDb } = useTestApp()
let firstRun: number

beforeAll(async () => {
  const db = testDb.database.db
  const report = await importInstitutionsCsv(db, fs.readFileSync(DEMO_CSV, 'utf8'))
  expect(report.errors).toEqual([])
  // A real institution evaluated in a round of its own: not for the demo to publish.
  await upsertInstitutions(db, [aRecord({ name: '真实托育园', evaluations: [anEvaluation('2026年第二批', '2026-10-20', 'B')] })])
  firstRun = await seedDemoBulletins(db)
})

const bulletins = async () => (await app.inject({ method: 'GET', url: '/api/bulletins?pageSize=50' })).json().items as BulletinSummary[]

describe('demo bulletins', () => {
  it('publishes every round of the demo registry province-wide, a week after its last evaluation, and only once', async () => {
    const rounds = await testDb.database.db
      .selectFrom('evaluations')
      .innerJoin('institutions', 'institutions.id', 'evaluations.institutionId')
      .where('institutions.isDemo', '=', true)
      .select(['round', (eb) => eb.fn.max('evaluatedOn').as('last')])
      .groupBy('round')
      .execute()
    expect(rounds.length).toBeGreaterThan(1)
    const listed = await bulletins()
    expect(firstRun).toBe(rounds.length)
    expect(listed.map((b) => b.round).sort()).toEqual(rounds.map((r) => r.round).sort())
    for (const { round, last } of rounds) {
      expect(listed.find((b) => b.round === round)).toMatchObject({
        title: `吉林省托育机构等级评价结果公示（${round}）`,
        department: '吉林省卫生健康委员会',
        cityCode: null,
        publishedOn: demoPublicationDay(String(last), '2099-12-31'),
      })
    }
    expect(await seedDemoBulletins(testDb.database.db)).toBe(0)
    expect(await bulletins()).toHaveLength(rounds.length)
  })

  it('gives the newest bulletin entries with upgrades or downgrades, each opening an institution page', async () => {
    const [newest] = await bulletins()
    const bulletin = (await app.inject({ method: 'GET', url: `/api/bulletins/${newest.id}` })).json() as Bulletin
    expect(bulletin.entries.length).toBeGreaterThan(20)
    expect(bulletin.entries.filter((e) => e.change === 'up' || e.change === 'down').length).toBeGreaterThan(5)
    const page = await app.inject({ method: 'GET', url: `/api/institutions/${bulletin.entries[0].institutionId}` })
    expect(page.json()).toMatchObject({ name: bulletin.entries[0].institutionName, isDemo: true })
  })

  it('never dates a bulletin after today', () => {
    expect(demoPublicationDay('2026-06-25', '2026-11-28')).toBe('2026-07-02')
    expect(demoPublicationDay('2026-11-25', '2026-11-28')).toBe('2026-11-28')
  })
})
