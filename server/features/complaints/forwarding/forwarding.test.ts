import { createServer } from 'node:http'
import { sql } from 'kysely'
import type { FastifyInstance } from 'fastify'
import type { Db } from '../../../db/connect'
import { DEPARTMENTS, type Department } from '../../../../types/complaints'
import { claimDueJobs, recordDone } from '../../../shared/jobs/repository'
import { listenLocally } from '../../../shared/stand-in-http'
import { startJobWorker, type JobWorker, type JobWorkerOptions } from '../../../shared/jobs/worker'
import { deliveriesOf as forwardingsOf, insertTestComplaint } from '../test-fixtures'
import { complaintJobHandlers } from './handler'
import { FORWARD_JOB, enqueueForwarding } from './jobs'
import { startIntakeStandIn, type IntakeStandIn } from './intake-stand-in'
import { buildTestApp, useTestApp } from '../../../../test/support/test-app'
import { makeDue as makeJobDue, secondsUntilRun } from '../../../../test/support/job-clock'
import { secondConnection } from '../../../../test/support/test-database'

// The loop is driven with runOnce(); a long poll keeps it from running on its own except where a test wants it to.
const DRIVEN = { pollMs: 3_600_000, leaseSeconds: 60 }
const SEND_TIMEOUT_MS = 2000

type WorkerOptions = Partial<Omit<JobWorkerOptions, 'db' | 'log' | 'instanceId' | 'handlers'>> & { sendTimeoutMs?: number }

const { app, testDb } = useTestApp()
let standIn: IntakeStandIn
const workers: JobWorker[] = []
const extraApps: FastifyInstance[] = []
const extraDbs: Db[] = []

/** The BFF's one job worker, with the forwarding handler of the instance `target`. */
function worker(instanceId: string, target = app, { sendTimeoutMs = SEND_TIMEOUT_MS, ...options }: WorkerOptions = {}) {
  const started = startJobWorker({
    db: target.database.db,
    log: target.log,
    instanceId,
    handlers: complaintJobHandlers(target, { sendTimeoutMs }),
    ...DRIVEN,
    ...options,
  })
  workers.push(started)
  return started
}

/** A complaint accepted for `departments`, its forwardings queued in the same transaction, as the handling service does. */
async function acceptedComplaint(departments: Department[] = ['emergency_management']) {
  return app.database.db.transaction().execute(async (trx) => {
    const complaint = await insertTestComplaint(trx, { departments })
    await enqueueForwarding(trx, complaint.id, departments, { trackingNumber: complaint.trackingNumber, category: 'safety', summary: '消防通道堵塞' })
    return complaint
  })
}

const deliveriesOf = (complaintId: string) => forwardingsOf(app, complaintId)

const forwardedEvents = (complaintId: string) =>
  app.database.db.selectFrom('complaintEvents').selectAll().where('complaintId', '=', complaintId).where('type', '=', 'forwarded').execute()

const secondsUntilNextAttempt = (deliveryId: string) => secondsUntilRun(app.database.db, { id: deliveryId })
const makeDue = (deliveryId: string) => makeJobDue(app.database.db, { id: deliveryId })

async function newAppInstance(database = testDb.database): Promise<FastifyInstance> {
  const { app: fresh } = await buildTestApp({ ...testDb, database })
  fresh.settings.complaints.intakeUrls = standIn.intakeUrls()
  extraApps.push(fresh)
  return fresh
}

beforeEach(async () => {
  standIn = await startIntakeStandIn()
  app.settings.complaints.intakeUrls = standIn.intakeUrls()
  // Each test starts with an empty queue: what an earlier test left pending is set aside.
  await app.database.db
    .updateTable('jobs')
    .set({ doneAt: sql<string>`now()` })
    .where('doneAt', 'is', null)
    .execute()
})

afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()))
  await Promise.all(extraApps.splice(0).map((a) => a.close()))
  await Promise.all(extraDbs.splice(0).map((d) => d.close()))
  await standIn.close()
})

describe('forwarding complaints to the departments (a job kind of the one queue)', () => {
  it('forwards each department its own copy, with the job id as Idempotency-Key, and records it on the timeline', async () => {
    const complaint = await acceptedComplaint(['emergency_management', 'public_security'])
    expect(await worker('bff-a').runOnce()).toBe(2)

    const rows = await deliveriesOf(complaint.id)
    expect(rows.map((r) => [r.department, r.attempts, r.lastError, r.lockedBy])).toEqual([
      ['emergency_management', 1, null, null],
      ['public_security', 1, null, null],
    ])
    expect(rows.every((r) => r.deliveredAt)).toBe(true)
    expect(standIn.received.map((d) => d.idempotencyKey).sort()).toEqual(rows.map((r) => r.id).sort())
    const toSecurity = standIn.received.find((d) => d.department === 'public_security')!
    expect(toSecurity.body).toEqual({ trackingNumber: complaint.trackingNumber, category: 'safety', summary: '消防通道堵塞', department: 'public_security' })
    const events = await forwardedEvents(complaint.id)
    expect(events.map((e) => [e.actor, e.department]).sort()).toEqual([
      ['system', 'emergency_management'],
      ['system', 'public_security'],
    ])
  })

  it('retries a failing endpoint with growing pauses and delivers on the third attempt', async () => {
    await standIn.close()
    standIn = await startIntakeStandIn({ failFirst: 2 })
    app.settings.complaints.intakeUrls = standIn.intakeUrls()
    const complaint = await acceptedComplaint()
    const [delivery] = await deliveriesOf(complaint.id)
    const bff = worker('bff-a', app, { baseBackoffSeconds: 5, maxBackoffSeconds: 3600 })

    expect(await bff.runOnce()).toBe(1)
    let [row] = await deliveriesOf(complaint.id)
    expect(row).toMatchObject({ attempts: 1, deliveredAt: null, lockedBy: null, lockedUntil: null })
    expect(row.lastError).toMatch(/^HTTP 503/)
    const firstPause = await secondsUntilNextAttempt(delivery.id)
    expect(firstPause).toBeGreaterThan(3)
    expect(firstPause).toBeLessThanOrEqual(5)
    expect(await bff.runOnce()).toBe(0) // not due yet

    await makeDue(delivery.id)
    expect(await bff.runOnce()).toBe(1)
    ;[row] = await deliveriesOf(complaint.id)
    expect(row.attempts).toBe(2)
    const secondPause = await secondsUntilNextAttempt(delivery.id)
    expect(secondPause).toBeGreaterThan(firstPause)
    expect(secondPause).toBeGreaterThan(7)
    expect(await forwardedEvents(complaint.id)).toHaveLength(0)

    await makeDue(delivery.id)
    expect(await bff.runOnce()).toBe(1)
    ;[row] = await deliveriesOf(complaint.id)
    expect(row).toMatchObject({ attempts: 3, lastError: null, lockedBy: null })
    expect(row.deliveredAt).not.toBeNull()
    expect(await forwardedEvents(complaint.id)).toHaveLength(1)
    expect(standIn.requestCount()).toBe(3)
    expect(standIn.deliveriesByKey.size).toBe(1)
  })

  it('keeps retrying an endpoint that cannot be reached or does not answer, with the reason on the row', async () => {
    const silent = createServer(() => {
      /* never answers */
    })
    const silentUrl = `${await listenLocally(silent)}/intake`
    try {
      app.settings.complaints.intakeUrls = { ...standIn.intakeUrls(), health: silentUrl, education: 'http://127.0.0.1:9/intake' }
      const complaint = await acceptedComplaint(['education', 'health'])
      expect(await worker('bff-a', app, { sendTimeoutMs: 200 }).runOnce()).toBe(2)
      const [education, health] = await deliveriesOf(complaint.id)
      expect(education).toMatchObject({ attempts: 1, deliveredAt: null, lockedBy: null })
      expect(education.lastError).toMatch(/fetch failed|ECONNREFUSED/)
      expect(health).toMatchObject({ attempts: 1, deliveredAt: null, lastError: 'no answer within 0.2 s' })
    } finally {
      silent.closeAllConnections()
      silent.close()
    }
  })

  it('survives a restart between acceptance and forwarding: a new instance on the same database delivers', async () => {
    const complaint = await acceptedComplaint(['health'])
    // No worker ran in this "process". A new one starts on the same database:
    const restarted = await newAppInstance(await secondConnection(testDb, extraDbs))
    expect(await worker(`bff-restarted-${process.pid}`, restarted).runOnce()).toBe(1)
    const [row] = await deliveriesOf(complaint.id)
    expect(row.deliveredAt).not.toBeNull()
    expect(standIn.deliveriesByKey.get(row.id)?.department).toBe('health')
    expect(await forwardedEvents(complaint.id)).toHaveLength(1)
  })

  it('survives a crash after sending, before the acknowledgement was recorded: re-sent under the same key, counted once', async () => {
    const complaint = await acceptedComplaint(['market_regulation'])
    const [delivery] = await deliveriesOf(complaint.id)
    const crashing = worker('bff-a', app, {
      beforeRecordingDone: () => {
        throw new Error('simulated crash')
      },
    })
    await crashing.runOnce()
    await crashing.stop()
    expect(standIn.received).toHaveLength(1)
    let [row] = await deliveriesOf(complaint.id)
    expect(row).toMatchObject({ deliveredAt: null, lockedBy: 'bff-a', attempts: 0 })

    const restarted = await newAppInstance(await secondConnection(testDb, extraDbs))
    const successor = worker('bff-b', restarted)
    expect(await successor.runOnce()).toBe(0) // the dead instance's lease still holds
    await app.database.db
      .updateTable('jobs')
      .set({ lockedUntil: sql<string>`now() - interval '1 second'` })
      .where('id', '=', delivery.id)
      .execute()
    expect(await successor.runOnce()).toBe(1)

    expect(standIn.received.map((d) => [d.idempotencyKey, d.duplicate])).toEqual([
      [delivery.id, false],
      [delivery.id, true],
    ])
    expect(standIn.deliveriesByKey.size).toBe(1)
    ;[row] = await deliveriesOf(complaint.id)
    expect(row).toMatchObject({ attempts: 1, lockedBy: null })
    expect(row.deliveredAt).not.toBeNull()
    expect(await forwardedEvents(complaint.id)).toHaveLength(1)
  })

  it('does not let an instance whose lease ran out record over the instance that took the delivery over', async () => {
    const complaint = await acceptedComplaint(['civil_affairs'])
    const [delivery] = await deliveriesOf(complaint.id)
    // bff-a claimed and sent, but before it records the acknowledgement its lease ran out and bff-b took the job over.
    const [late] = await claimDueJobs(app.database.db, 'bff-a', 1, 60)
    const sent = await complaintJobHandlers(app)[FORWARD_JOB](late)
    await app.database.db
      .updateTable('jobs')
      .set({ lockedBy: 'bff-b', lockedUntil: sql<string>`now() + interval '1 minute'` })
      .where('id', '=', delivery.id)
      .execute()
    expect(await recordDone(app.database.db, late, 'bff-a', null, sent && 'record' in sent ? sent.record : undefined)).toBe(false)
    expect((await deliveriesOf(complaint.id))[0]).toMatchObject({ deliveredAt: null, lockedBy: 'bff-b' })
    expect(await forwardedEvents(complaint.id)).toHaveLength(0)
  })

  it('two instances working the same queue deliver each of 30 items exactly once', async () => {
    const complaints = await Promise.all(
      Array.from({ length: 10 }, (_, i) => acceptedComplaint([DEPARTMENTS[i % 7], DEPARTMENTS[(i + 1) % 7], DEPARTMENTS[(i + 3) % 7]])),
    )
    const ids = complaints.map((c) => c.id)
    const deliveredBy: Record<string, string[]> = { 'bff-1': [], 'bff-2': [] }
    const drain = async (instanceId: string) => {
      const w = worker(instanceId, app, {
        batchSize: 4,
        beforeRecordingDone: (d) => {
          deliveredBy[instanceId].push(d.id)
        },
      })
      while ((await w.runOnce()) > 0) {
        /* until nothing is due */
      }
    }
    await Promise.all([drain('bff-1'), drain('bff-2')])
    // The other worker may still hold items when one finds nothing due: let both finish.
    await Promise.all(workers.map((w) => w.runOnce()))

    const rows = (await Promise.all(ids.map(deliveriesOf))).flat()
    expect(rows).toHaveLength(30)
    expect(rows.every((r) => r.deliveredAt && r.attempts === 1)).toBe(true)
    expect(standIn.received).toHaveLength(30) // not one sent twice
    expect(standIn.deliveriesByKey.size).toBe(30)
    expect(new Set([...deliveredBy['bff-1'], ...deliveredBy['bff-2']]).size).toBe(30)
    expect(deliveredBy['bff-1'].length + deliveredBy['bff-2'].length).toBe(30)
    const events = await app.database.db.selectFrom('complaintEvents').select('id').where('complaintId', 'in', ids).where('type', '=', 'forwarded').execute()
    expect(events).toHaveLength(30)
  })
})
