import { randomBytes, randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { sql, type Kysely } from 'kysely'
import type { Department, FileComplaintBody } from '../../../types/complaints'
import type { Database } from '../../db/schema'
import { aRecord, YANBIAN } from '../../../test/support/institution-builder'
import { seedRecords } from '../../../test/support/seed-registry'
import { FORWARD_JOB, forwardingOf } from './forwarding/jobs'

/** A complete, valid filing about the given institution; tests override what they are about. */
export function aFiling(institutionId: string, overrides: Partial<FileComplaintBody> = {}): FileComplaintBody {
  return {
    institutionId,
    category: 'fees',
    description: '退费时只退了一半，机构说预付费不退。',
    occurredAt: new Date(Date.now() - 3 * 24 * 3600 * 1000).toISOString(),
    photoIds: [],
    anonymous: false,
    ...overrides,
  }
}

export async function fileComplaint(app: FastifyInstance, body: object, options: { key?: string; headers?: Record<string, string> } = {}) {
  return app.inject({
    method: 'POST',
    url: '/api/complaints',
    payload: body,
    headers: { 'idempotency-key': options.key ?? randomUUID(), ...options.headers },
  })
}

/** Files and returns the answer (tracking number and secret), failing loudly if filing did not work. */
export async function filed(app: FastifyInstance, body: object, headers: Record<string, string> = {}) {
  const response = await fileComplaint(app, body, { headers })
  if (response.statusCode !== 201) throw new Error(`filing failed: ${response.statusCode} ${response.body}`)
  return response.json() as { trackingNumber: string; secret: string; status: string; urgent: boolean; departments: string[] }
}

/** An uploaded photo not yet attached (the upload endpoint is tested with the photo feature). */
export async function uploadedPhoto(app: FastifyInstance): Promise<string> {
  const row = await app.database.db
    .insertInto('complaintPhotos')
    .values({ storageKey: `test/${randomUUID()}.jpg`, contentType: 'image/jpeg', bytes: 1234 })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** Institutions the complaint tests use, by name. */
export const seedInstitutions = (app: FastifyInstance) =>
  seedRecords(app, {
    nonprofit: aRecord({ name: '长春非营利托育园', profit: 'nonprofit' }),
    forprofit: aRecord({ name: '长春营利托育园', profit: 'forprofit', registeringAuthority: 'market_regulation' }),
    kindergarten: aRecord({ name: '长春幼儿园托班', kind: 'kindergarten', ownership: 'public', registeringAuthority: 'health' }),
    yanbian: aRecord({ name: '延吉托育园', ...YANBIAN }),
  })

export const complaintRow = (app: FastifyInstance, trackingNumber: string) =>
  app.database.db.selectFrom('complaints').selectAll().where('trackingNumber', '=', trackingNumber).executeTakeFirstOrThrow()

export const eventsOf = (app: FastifyInstance, complaintId: string) =>
  app.database.db.selectFrom('complaintEvents').selectAll().where('complaintId', '=', complaintId).orderBy('id').execute()

/** The complaint's forwarding jobs by department, each with what it sends (`payload`) and how far it got. */
export async function deliveriesOf(app: FastifyInstance, complaintId: string) {
  const jobs = await app.database.db
    .selectFrom('jobs')
    .selectAll()
    .where('kind', '=', FORWARD_JOB)
    .where(sql<string>`payload->>'complaintId'`, '=', complaintId)
    .orderBy(sql`payload->>'department'`)
    .execute()
  return jobs.map((job) => {
    const { department, body } = forwardingOf(job.payload)
    return {
      id: job.id,
      department,
      payload: body,
      attempts: job.attempts,
      lastError: job.lastError,
      lockedBy: job.lockedBy,
      lockedUntil: job.lockedUntil,
      runAt: job.runAt,
      deliveredAt: job.doneAt,
    }
  })
}

let serial = 0

/** A minimal valid complaint row (anonymous, about an unlisted provider in 长春市), written straight to the database. */
export async function insertTestComplaint(db: Kysely<Database>, options: { departments?: Department[] } = {}): Promise<{ id: string; trackingNumber: string }> {
  serial += 1
  const suffix = randomBytes(4).toString('hex').toUpperCase().slice(0, 6)
  return db
    .insertInto('complaints')
    .values({
      trackingNumber: `TS20261128${suffix}`,
      secretHash: 'not-a-real-hash',
      idempotencyKey: randomUUID(),
      anonymous: true,
      providerName: `无证托育点 ${serial}`,
      providerAddress: '长春市朝阳区某小区 3 栋',
      cityCode: '220100',
      category: 'safety',
      description: '楼道堆放杂物，消防通道堵塞。',
      occurredAt: '2026-11-27T09:00:00.000Z',
      urgent: false,
      departments: options.departments ?? ['emergency_management'],
      status: 'accepted',
      acceptBy: '2026-12-05',
      replyBy: '2026-12-13',
    })
    .returning(['id', 'trackingNumber'])
    .executeTakeFirstOrThrow()
}
