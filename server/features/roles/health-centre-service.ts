import type { Kysely } from 'kysely'
import type { HealthCentreList } from '../../../types/roles'
import type { Database } from '../../db/schema'
import { badRequest } from '../../shared/http-errors'
import { listHealthCentres } from './repository'

/** Community health service centres, optionally of one 市州 (`cityCodes`: every 市州). */
export async function healthCentres(db: Kysely<Database>, city: string | undefined, cityCodes: Set<string>): Promise<HealthCentreList> {
  if (city !== undefined && !cityCodes.has(city)) throw badRequest('city', `未知的市州代码 ${city} (unknown 市州)`)
  return { items: await listHealthCentres(db, city ?? null) }
}
