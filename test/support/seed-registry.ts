import type { FastifyInstance } from 'fastify'
import type { Insertable } from 'kysely'
import type { HealthCentresTable } from '../../server/db/schema'
import type { InstitutionRecord } from '../../server/features/institutions/import/record'
import { upsertInstitutions } from '../../server/features/institutions/import/upsert'

/** Upserts the records (made with aRecord) and returns their ids by key. */
export async function seedRecords<K extends string>(app: FastifyInstance, records: Record<K, InstitutionRecord>): Promise<Record<K, string>> {
  const db = app.database.db
  await upsertInstitutions(db, Object.values(records))
  const ids = {} as Record<K, string>
  for (const [key, record] of Object.entries(records) as Array<[K, InstitutionRecord]>) {
    ids[key] = (await db.selectFrom('institutions').select('id').where('creditCode', '=', record.creditCode).executeTakeFirstOrThrow()).id
  }
  return ids
}

let serial = 0

/** A community health centre with a name of its own; in Changchun 朝阳区 unless told otherwise. */
export async function aHealthCentre(app: FastifyInstance, overrides: Partial<Insertable<HealthCentresTable>> = {}) {
  serial += 1
  return app.database.db
    .insertInto('healthCentres')
    .values({
      name: `测试社区卫生服务中心${serial}-${Date.now()}`,
      cityCode: '220100',
      districtCode: '220104',
      address: `长春市朝阳区测试路${serial}号`,
      lat: 43.832,
      lng: 125.296,
      phone: '0431-80000001',
      isDemo: false,
      ...overrides,
    })
    .returning(['id', 'name', 'address', 'lat', 'lng'])
    .executeTakeFirstOrThrow()
}
