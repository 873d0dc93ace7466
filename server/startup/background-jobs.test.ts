import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { startIntakeStandIn, type IntakeStandIn } from '../features/complaints/forwarding/intake-stand-in'
import { backgroundJobs, startBackgroundJobs } from './background-jobs'
import type { JobWorker } from '../shared/jobs/worker'
import { useTestApp } from '../../test/support/test-app'

const { app } = useTestApp()
let standIn: IntakeStandIn
const workers: JobWorker[] = []

beforeAll(async () => {
  standIn = await startIntakeStandIn()
  app.settings.complaints.intakeUrls = standIn.intakeUrls()
})

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()))
  await standIn.close()
})

const instance = (instanceId: string) => {
  const worker = startBackgroundJobs(app, { instanceId, pollMs: 3_600_000 })
  workers.push(worker)
  return worker
}

describe('the background work of main.ts: one job worker with every handler', () => {
  it('forwards an urgent complaint and runs each clean-up once per hour, however many instances run', async () => {
    const provider = { name: '某家庭托育点', address: '长春市朝阳区某小区3栋', cityCode: '220100' }
    const filed = await app.inject({
      method: 'POST',
      url: '/api/complaints',
      headers: { 'idempotency-key': randomUUID() },
      payload: {
        provider,
        category: 'abuse',
        description: '看到老师推搡孩子，孩子一直在哭。',
        occurredAt: new Date(Date.now() - 3600_000).toISOString(),
        anonymous: true,
      },
    })
    expect(filed.statusCode).toBe(201)

    const [a, b] = [instance('bff-a'), instance('bff-b')]
    await Promise.all([a.runOnce(), b.runOnce()])
    await Promise.all([a.runOnce(), b.runOnce()])

    expect([...standIn.deliveriesByKey.values()].map((d) => d.department).sort()).toEqual(['health', 'public_security'])
    const recurring = backgroundJobs(app).recurring.map((job) => job.kind)
    expect(recurring).toEqual(expect.arrayContaining(['complaints.delete-orphan-photos', 'retention.sign-in-codes', 'retention.finished-jobs']))
    const runs = await app.database.db.selectFrom('jobs').select(['kind', 'doneAt']).where('kind', 'in', recurring).execute()
    expect(runs.map((r) => r.kind).sort()).toEqual([...recurring].sort())
    expect(runs.every((r) => r.doneAt !== null)).toBe(true)
  })

  it('keeps the forwarding record of complaints when finished jobs are purged after 30 days', async () => {
    await app.database.db
      .updateTable('jobs')
      .set({ doneAt: sql<string>`now() - interval '31 days'` })
      .where('doneAt', 'is not', null)
      .execute()
    const purge = backgroundJobs(app).recurring.find((job) => job.kind === 'retention.finished-jobs')!
    await purge.run({ id: randomUUID(), kind: purge.kind, payload: {}, runAt: new Date().toISOString(), attempts: 0 })
    const left = await app.database.db.selectFrom('jobs').select('kind').execute()
    expect(left.map((j) => j.kind)).toEqual(['complaints.forward', 'complaints.forward'])
  })
})
