import { sql } from 'kysely'
import type { Db } from '../../db/connect'
import { claimDueJobs, enqueue, purgeFinishedJobs, recordDone, reschedule, type ClaimedJob } from './repository'
import { startJobWorker, type JobHandlers, type JobWorker, type JobWorkerOptions } from './worker'
import { useTestApp } from '../../../test/support/test-app'
import { secondConnection } from '../../../test/support/test-database'
import { makeDue as makeJobDue, secondsUntilRun as secondsUntilJobRuns } from '../../../test/support/job-clock'

// The loop is driven with runOnce(); a long poll keeps it from running on its own except where a test wants it to.
const DRIVEN = { pollMs: 3_600_000, leaseSeconds: 60 }

const { app, testDb } = useTestApp()
const workers: JobWorker[] = []
const extraDbs: Db[] = []
/** What the handlers were given, in order, by worker. */
let ran: Array<{ worker: string; kind: string; payload: Record<string, unknown> }>

const recording = (worker: string, kinds: string[]): JobHandlers =>
  Object.fromEntries(
    kinds.map((kind) => [
      kind,
      async (job: ClaimedJob) => {
        ran.push({ worker, kind, payload: job.payload })
      },
    ]),
  )

function worker(instanceId: string, handlers: JobHandlers, options: Partial<JobWorkerOptions> = {}, db = app.database.db) {
  const started = startJobWorker({ db, log: app.log, instanceId, handlers, ...DRIVEN, ...options })
  workers.push(started)
  return started
}

const job = (dedupeKey: string) => app.database.db.selectFrom('jobs').selectAll().where('dedupeKey', '=', dedupeKey).executeTakeFirstOrThrow()
const secondsUntilRun = (dedupeKey: string) => secondsUntilJobRuns(app.database.db, { dedupeKey })
const makeDue = (dedupeKey: string) => makeJobDue(app.database.db, { dedupeKey })
const enqueueNow = (kind: string, dedupeKey: string, payload: Record<string, unknown> = {}) => enqueue(app.database.db, { kind, payload, dedupeKey })

beforeEach(async () => {
  ran = []
  // Each test starts with an empty queue: what an earlier test left pending is set aside.
  await app.database.db
    .updateTable('jobs')
    .set({ doneAt: sql<string>`now()` })
    .where('doneAt', 'is', null)
    .execute()
})

afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()))
  await Promise.all(extraDbs.splice(0).map((d) => d.close()))
})

describe('enqueue', () => {
  it('writes the job with the business change: a rolled-back transaction leaves no job', async () => {
    await expect(
      app.database.db.transaction().execute(async (trx) => {
        await enqueue(trx, { kind: 'test.note', payload: { n: 1 }, dedupeKey: 'rolled-back' })
        throw new Error('the business change failed')
      }),
    ).rejects.toThrow('the business change failed')
    expect(await app.database.db.selectFrom('jobs').select('id').where('dedupeKey', '=', 'rolled-back').execute()).toEqual([])

    await app.database.db.transaction().execute((trx) => enqueue(trx, { kind: 'test.note', payload: { n: 2 }, dedupeKey: 'committed' }))
    expect(await job('committed')).toMatchObject({ kind: 'test.note', payload: { n: 2 }, attempts: 0, doneAt: null })
  })

  it('keeps one job per dedupe key, and reschedules only a job not yet done', async () => {
    expect(await enqueueNow('test.note', 'once', { first: true })).toBe(true)
    expect(await enqueueNow('test.note', 'once', { first: false })).toBe(false)
    expect((await job('once')).payload).toEqual({ first: true })

    const later = new Date(Date.now() + 3600_000).toISOString()
    expect(await reschedule(app.database.db, 'once', later)).toBe(true)
    expect(Date.parse((await job('once')).runAt)).toBe(Date.parse(later))
    expect(await worker('bff-a', recording('bff-a', ['test.note'])).runOnce()).toBe(0) // not due any more

    await makeDue('once')
    expect(await worker('bff-b', recording('bff-b', ['test.note'])).runOnce()).toBe(1)
    expect(await reschedule(app.database.db, 'once', later)).toBe(false)
    expect(await reschedule(app.database.db, 'never-enqueued', later)).toBe(false)
  })
})

describe('job worker', () => {
  it('hands each due job to the handler of its kind and records it done', async () => {
    await enqueueNow('test.greet', 'greet-1', { name: '豆豆' })
    await enqueue(app.database.db, {
      kind: 'test.greet',
      payload: { name: '明天' },
      dedupeKey: 'greet-later',
      runAt: new Date(Date.now() + 60_000).toISOString(),
    })
    expect(await worker('bff-a', recording('bff-a', ['test.greet'])).runOnce()).toBe(1)
    expect(ran).toEqual([{ worker: 'bff-a', kind: 'test.greet', payload: { name: '豆豆' } }])
    expect(await job('greet-1')).toMatchObject({ attempts: 1, lastError: null, lockedBy: null })
    expect((await job('greet-1')).doneAt).not.toBeNull()
    expect((await job('greet-later')).doneAt).toBeNull()
  })

  it('retries a failing job with growing pauses, keeping the error, until it succeeds', async () => {
    let failures = 2
    const flaky: JobHandlers = {
      'test.flaky': async () => {
        if (failures-- > 0) throw new Error('WeChat is busy (errcode -1)')
      },
    }
    await enqueueNow('test.flaky', 'flaky')
    const bff = worker('bff-a', flaky, { baseBackoffSeconds: 5, maxBackoffSeconds: 3600 })

    expect(await bff.runOnce()).toBe(1)
    expect(await job('flaky')).toMatchObject({ attempts: 1, doneAt: null, lockedBy: null, lastError: 'WeChat is busy (errcode -1)' })
    const first = await secondsUntilRun('flaky')
    expect(first).toBeGreaterThan(3)
    expect(first).toBeLessThanOrEqual(5)
    expect(await bff.runOnce()).toBe(0)

    await makeDue('flaky')
    await bff.runOnce()
    expect((await job('flaky')).attempts).toBe(2)
    expect(await secondsUntilRun('flaky')).toBeGreaterThan(7)

    await makeDue('flaky')
    await bff.runOnce()
    expect(await job('flaky')).toMatchObject({ attempts: 3, lastError: null })
    expect((await job('flaky')).doneAt).not.toBeNull()
  })

  it('never drops a job of a kind it has no handler for: it stays queued for an instance that has one', async () => {
    await enqueueNow('test.future-kind', 'unknown-kind')
    expect(await worker('bff-old', recording('bff-old', ['test.other'])).runOnce()).toBe(1)
    expect(await job('unknown-kind')).toMatchObject({ doneAt: null, attempts: 1, lastError: 'no handler for job kind test.future-kind' })
    await makeDue('unknown-kind')
    expect(await worker('bff-new', recording('bff-new', ['test.future-kind'])).runOnce()).toBe(1)
    expect(ran.map((r) => r.worker)).toEqual(['bff-new'])
  })

  it('records a skipped job as done, with the reason', async () => {
    await enqueueNow('test.skip', 'skipped')
    await worker('bff-a', { 'test.skip': async () => ({ skipped: 'sign-up is cancelled' }) }).runOnce()
    expect(await job('skipped')).toMatchObject({ attempts: 1, lastError: 'skipped: sign-up is cancelled' })
    expect((await job('skipped')).doneAt).not.toBeNull()
  })

  it('two instances on one database run each of 40 jobs exactly once', async () => {
    for (let i = 0; i < 40; i++) await enqueueNow('test.count', `count-${i}`, { i })
    const drain = async (instanceId: string) => {
      const w = worker(instanceId, recording(instanceId, ['test.count']), { batchSize: 3 })
      while ((await w.runOnce()) > 0) {
        /* until nothing is due */
      }
    }
    await Promise.all([drain('bff-1'), drain('bff-2')])
    await Promise.all(workers.map((w) => w.runOnce()))
    expect(ran).toHaveLength(40)
    expect(new Set(ran.map((r) => r.payload.i)).size).toBe(40)
    const rows = await app.database.db.selectFrom('jobs').select(['attempts', 'doneAt']).where('kind', '=', 'test.count').execute()
    expect(rows.every((r) => r.doneAt && r.attempts === 1)).toBe(true)
  })

  it('survives a restart: jobs queued before it run on a new instance afterwards', async () => {
    await enqueueNow('test.after-restart', 'restart-1', { step: 1 })
    const stopped = worker('bff-old', recording('bff-old', ['test.after-restart']))
    await stopped.stop() // the process went down before it polled
    const restarted = worker(
      `bff-restarted-${process.pid}`,
      recording('bff-restarted', ['test.after-restart']),
      {},
      (await secondConnection(testDb, extraDbs)).db,
    )
    expect(await restarted.runOnce()).toBe(1)
    expect(ran).toEqual([{ worker: 'bff-restarted', kind: 'test.after-restart', payload: { step: 1 } }])
  })

  it('survives a crash after the work, before it was recorded: once the lease runs out another instance runs the job', async () => {
    await enqueueNow('test.crash', 'crash')
    const crashing = worker('bff-a', recording('bff-a', ['test.crash']), {
      beforeRecordingDone: () => {
        throw new Error('simulated crash')
      },
    })
    await crashing.runOnce()
    await crashing.stop()
    expect(await job('crash')).toMatchObject({ doneAt: null, lockedBy: 'bff-a', attempts: 0 })

    const successor = worker('bff-b', recording('bff-b', ['test.crash']), {}, (await secondConnection(testDb, extraDbs)).db)
    expect(await successor.runOnce()).toBe(0) // the dead instance's lease still holds
    await app.database.db
      .updateTable('jobs')
      .set({ lockedUntil: sql<string>`now() - interval '1 second'` })
      .where('dedupeKey', '=', 'crash')
      .execute()
    expect(await successor.runOnce()).toBe(1)
    expect(ran.map((r) => r.worker)).toEqual(['bff-a', 'bff-b'])
    expect(await job('crash')).toMatchObject({ attempts: 1, lockedBy: null })
  })

  it('does not let an instance whose lease was taken over record the job', async () => {
    await enqueueNow('test.lease', 'lease')
    const [claimed] = await claimDueJobs(app.database.db, 'bff-a', 1, 60)
    await app.database.db
      .updateTable('jobs')
      .set({ lockedBy: 'bff-b', lockedUntil: sql<string>`now() + interval '1 minute'` })
      .where('id', '=', claimed.id)
      .execute()
    expect(await recordDone(app.database.db, claimed, 'bff-a')).toBe(false)
    expect(await job('lease')).toMatchObject({ doneAt: null, lockedBy: 'bff-b' })
    expect(await recordDone(app.database.db, claimed, 'bff-b')).toBe(true)
  })

  it('polls on its own until stopped', async () => {
    await enqueueNow('test.poll', 'poll')
    const polling = worker('bff-a', recording('bff-a', ['test.poll']), { pollMs: 20 })
    for (let waited = 0; waited < 15_000 && ran.length === 0; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20))
    await polling.stop()
    expect(ran).toHaveLength(1)
    expect((await job('poll')).doneAt).not.toBeNull()
  })
})

describe('purgeFinishedJobs', () => {
  it('deletes jobs finished more than 30 days ago, and never one that is not finished', async () => {
    for (const key of ['purge-old-done', 'purge-recent-done', 'purge-old-pending']) await enqueueNow('purge-test', key)
    await app.database.db
      .updateTable('jobs')
      .set({ doneAt: sql<string>`now() - interval '31 days'` })
      .where('dedupeKey', '=', 'purge-old-done')
      .execute()
    await app.database.db
      .updateTable('jobs')
      .set({ doneAt: sql<string>`now() - interval '29 days'` })
      .where('dedupeKey', '=', 'purge-recent-done')
      .execute()
    await app.database.db
      .updateTable('jobs')
      .set({ createdAt: sql<string>`now() - interval '90 days'`, runAt: sql<string>`now() + interval '1 day'` })
      .where('dedupeKey', '=', 'purge-old-pending')
      .execute()
    expect(await purgeFinishedJobs(app.database.db)).toBe(1)
    const left = await app.database.db.selectFrom('jobs').select('dedupeKey').where('kind', '=', 'purge-test').orderBy('dedupeKey').execute()
    expect(left.map((r) => r.dedupeKey)).toEqual(['purge-old-pending', 'purge-recent-done'])
  })
})
