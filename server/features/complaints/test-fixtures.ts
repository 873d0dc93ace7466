import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import type { FileComplaintBody } from '../../../types/complaints'
import { aRecord } from '../../../test/support/institution-builder'
import { upsertInstitutions } from '../institutions/import/upsert'

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
    method: 'POST', url: '/api/complaints', payload: body,
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
  const row = await app.database.db.insertInto('complaintPhotos')
    .values({ storageKey: `test/${randomUUID()}.jpg`, contentType: 'image/jpeg', bytes: 1234 })
    .returning('id').executeTakeFirstOrThrow()
  return row.id
}

/** Institutions the complaint tests use, by name. */
export async function seedInstitutions(app: FastifyInstance) {
  const db = app.database.db
  await upsertInstitutions(db, [
    aRecord({ name: '长春非营利托育园', profit: 'nonprofit' }),
    aRecord({ name: '长春营利托育园', profit: 'forprofit', registeringAuthority: 'market_regulation' }),
    aRecord({ name: '长春幼儿园托班', kind: 'kindergarten', ownership: 'public', registeringAuthority: 'health' }),
    aRecord({ name: '延吉托育园', cityCode: '222400', districtCode: '222401', address: '延吉市示例路1号', lat: 42.9, lng: 129.5, filingAuthority: '延吉市卫生健康局' }),
  ])
  const byName = async (name: string) => (await db.selectFrom('institutions').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id
  return {
    nonprofit: await byName('长春非营利托育园'),
    forprofit: await byName('长春营利托育园'),
    kindergarten: await byName('长春幼儿园托班'),
    yanbian: await byName('延吉托育园'),
  }
}

export const complaintRow = (app: FastifyInstance, trackingNumber: string) =>
  app.database.db.selectFrom('complaints').selectAll().where('trackingNumber', '=', trackingNumber).executeTakeFirstOrThrow()

export const eventsOf = (app: FastifyInstance, complaintId: string) =>
  app.database.db.selectFrom('complaintEvents').selectAll().where('complaintId', '=', complaintId).orderBy('id').execute()

export const deliveriesOf = (app: FastifyInstance, complaintId: string) =>
  app.database.db.selectFrom('complaintDeliveries').selectAll().where('complaintId', '=', complaintId).orderBy('department').execute()
