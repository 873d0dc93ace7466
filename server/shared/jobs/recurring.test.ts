import { sql } from 'kysely'
import { periodKey, type RecurringJob } from './recurring'
import { startJobWorker, type JobWorker } from './worker'
import { useTestApp } from '../../../test/support/test-app'

const HOUR = 3600_000
const { app } = useTestApp()
const workers: JobWorker[] = []
let clock: number
let runs: Array<{ instance: string; period: unknown }>

const hourly = (instance: string, fail: () => boolean = () => false): RecurringJob => ({
  kind: 'test.hourly',
  everyMs: HOUR,
  run: async (job) => {
    if (fail()) throw new Error('storage is away')
    runs.push({ instance, period: job.payload.period })
  },
})

function worker(instance: string, job = hourly(instance)) {
  const started = startJobWorker({
    db: app.database.db,
    log: app.log,
    instanceId: instance,
    handlers: {},
    recurring: [job],
    pollMs: 3_600_000,
    now: () => clock,
  })
  workers.push(started)
  return started
}

beforeEach(async () => {
  runs = []
  // In the past: a period's job is due from its start, by the database's clock.
  clock = Date.parse('2020-01-01T10:20:00Z')
  await app.database.db.deleteFrom('jobs').where('kind', '=', 'test.hourly').execute()
})

afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()))
})

describe('recurring jobs', () => {
  it('run once per period across instances, whichever instance gets there first', async () => {
    const [a, b] = [worker('bff-a'), worker('bff-b')]
    await Promise.all([a.runOnce(), b.runOnce()])
    await Promise.all([a.runOnce(), b.runOnce()])
    expect(runs.map((r) => r.period)).toEqual(['2020-01-01T10:00:00.000Z'])

    clock += 30 * 60_000 // 10:50: still the same hour
    await Promise.all([a.runOnce(), b.runOnce()])
    expect(runs).toHaveLength(1)

    clock += 30 * 60_000 // 11:20: the next hour
    await Promise.all([a.runOnce(), b.runOnce()])
    await Promise.all([a.runOnce(), b.runOnce()])
    expect(runs.map((r) => r.period)).toEqual(['2020-01-01T10:00:00.000Z', '2020-01-01T11:00:00.000Z'])
    const rows = await app.database.db
      .selectFrom('jobs')
      .select(['dedupeKey', 'attempts', 'doneAt'])
      .where('kind', '=', 'test.hourly')
      .orderBy('runAt')
      .execute()
    expect(rows.map((r) => [r.dedupeKey, r.attempts, r.doneAt !== null])).toEqual([
      [periodKey('test.hourly', Date.parse('2020-01-01T10:00:00Z')), 1, true],
      [periodKey('test.hourly', Date.parse('2020-01-01T11:00:00Z')), 1, true],
    ])
  })

  it('retry a failed run like any job, and still run only once', async () => {
    let failing = true
    const bff = worker(
      'bff-a',
      hourly('bff-a', () => failing),
    )
    await bff.runOnce()
    expect(runs).toEqual([])
    const [row] = await app.database.db.selectFrom('jobs').selectAll().where('kind', '=', 'test.hourly').execute()
    expect(row).toMatchObject({ attempts: 1, doneAt: null, lastError: 'storage is away' })

    failing = false
    await app.database.db
      .updateTable('jobs')
      .set({ runAt: sql<string>`now()` })
      .where('id', '=', row.id)
      .execute()
    await bff.runOnce()
    await bff.runOnce()
    expect(runs).toHaveLength(1)
  })
})
