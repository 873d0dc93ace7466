import { randomBytes, randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../../../db/schema'
import type { Department } from '../../../../types/complaints'

let serial = 0

/** A minimal valid complaint row (anonymous, about an unlisted provider in 长春市), written straight to the database for tests. */
export async function insertTestComplaint(db: Kysely<Database>, options: { departments?: Department[] } = {}): Promise<{ id: string; trackingNumber: string }> {
  serial += 1
  const suffix = randomBytes(4).toString('hex').toUpperCase().slice(0, 6)
  const trackingNumber = `TS20261128${suffix}`
  return db.insertInto('complaints').values({
    trackingNumber,
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
  }).returning(['id', 'trackingNumber']).executeTakeFirstOrThrow()
}
