import { sql } from 'kysely'
import type { FastifyInstance } from 'fastify'
import { migrateToLatest } from '../../../db/migrate'
import { startJobWorker } from '../../../shared/jobs/worker'
import { insertTestComplaint } from '../test-fixtures'
import { complaintJobHandlers } from './handler'
import { startIntakeStandIn, type IntakeStandIn } from './intake-stand-in'
import { buildTestApp, signedInRegulator } from '../../../../test/support/test-app'
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database'

// The last migration before forwarding became a job kind: its database still has the outbox table.
const BEFORE = '2026-12-01T1000-wechat-content-security'

let testDb: TestDatabase
let app: FastifyInstance
let standIn: IntakeStandIn
let complaint: { id: string; trackingNumber: string }
const ids = { waiting: '', delivered: '', sentNotAcknowledged: '' }

beforeAll(async () => {
  testDb = await createTestDatabase(undefined, { migratedUpTo: BEFORE })
  const { db } = testDb.database
  complaint = await insertTestComplaint(db, { departments: ['health', 'education', 'market_regulation'] })
  // What an instance of the previous release left in its outbox: one waiting after two failures, one delivered, and
  // one it sent under its key but died before recording the acknowledgement (its lease still runs).
  const delivery = async (department: string, columns: string) => {
    const { rows } = await sql<{ id: string }>`
      INSERT INTO complaint_deliveries (complaint_id, department, payload, attempts, last_error, next_attempt_at, delivered_at, locked_by, locked_until)
      VALUES (${complaint.id}, ${department}, ${JSON.stringify({ trackingNumber: complaint.trackingNumber, department })}::jsonb, ${sql.raw(columns)})
      RETURNING id`.execute(db)
    return rows[0].id
  }
  ids.waiting = await delivery('health', `2, 'HTTP 503', now(), NULL::timestamptz, NULL, NULL::timestamptz`)
  ids.delivered = await delivery('education', `1, NULL, now() - interval '1 day', now() - interval '1 day', NULL, NULL::timestamptz`)
  ids.sentNotAcknowledged = await delivery('market_regulation', `0, NULL, now(), NULL::timestamptz, 'bff-old', now() + interval '1 minute'`)

  const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(db)
  await migrateToLatest(db, testDb.database.kind === 'postgres' ? rows[0].schema : undefined)
  app = (await buildTestApp(testDb)).app
  standIn = await startIntakeStandIn()
  app.settings.complaints.intakeUrls = standIn.intakeUrls()
})

afterAll(async () => {
  await standIn?.close()
  await app?.close()
  await testDb?.close()
})

describe('the migration that makes the complaint outbox jobs', () => {
  it('moves every delivery into the queue with its id, attempts and state; the outbox table is gone', async () => {
    const jobs = await app.database.db.selectFrom('jobs').selectAll().where('kind', '=', 'complaints.forward').orderBy('attempts').execute()
    expect(jobs.map((j) => [j.id, j.attempts, j.lastError, j.lockedBy, j.doneAt === null])).toEqual([
      [ids.sentNotAcknowledged, 0, null, 'bff-old', true],
      [ids.delivered, 1, null, null, false],
      [ids.waiting, 2, 'HTTP 503', null, true],
    ])
    expect(jobs.find((j) => j.id === ids.waiting)).toMatchObject({
      dedupeKey: `complaints.forward:${complaint.id}:health`,
      payload: { complaintId: complaint.id, department: 'health', body: { trackingNumber: complaint.trackingNumber, department: 'health' } },
    })
    await expect(sql`SELECT 1 FROM complaint_deliveries`.execute(app.database.db)).rejects.toThrow(/complaint_deliveries/)
  })

  it('loses nothing: the waiting delivery and the unacknowledged one are sent under their old keys, each once', async () => {
    const worker = startJobWorker({ db: app.database.db, log: app.log, instanceId: 'bff-new', handlers: complaintJobHandlers(app), pollMs: 3_600_000 })
    try {
      expect(await worker.runOnce()).toBe(1) // the old instance's lease still holds the third
      await app.database.db
        .updateTable('jobs')
        .set({ lockedUntil: sql<string>`now() - interval '1 second'` })
        .where('id', '=', ids.sentNotAcknowledged)
        .execute()
      expect(await worker.runOnce()).toBe(1)
    } finally {
      await worker.stop()
    }
    expect(standIn.received.map((d) => [d.department, d.idempotencyKey])).toEqual([
      ['health', ids.waiting],
      ['market_regulation', ids.sentNotAcknowledged],
    ])

    const regulator = await signedInRegulator(app, '220100')
    const view = (await app.inject({ url: `/api/admin/complaints/${complaint.trackingNumber}`, headers: regulator.headers })).json()
    expect(view.deliveries).toEqual(
      expect.arrayContaining([
        { department: 'health', status: 'delivered', attempts: 3, deliveredAt: expect.any(String) },
        { department: 'education', status: 'delivered', attempts: 1, deliveredAt: expect.any(String) },
        { department: 'market_regulation', status: 'delivered', attempts: 1, deliveredAt: expect.any(String) },
      ]),
    )
    expect(view.deliveries).toHaveLength(3)
  })
})
