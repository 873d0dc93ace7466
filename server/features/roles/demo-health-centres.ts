import fs from 'node:fs'
import path from 'node:path'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { countHealthCentres, insertDemoHealthCentres, type HealthCentreSeed } from './repository'

export const DEMO_HEALTH_CENTRES = path.resolve(__dirname, '../../../mock/fixtures/health-centres.json')

/** Loads the fictional demo centres (two per 市州) into an empty table; returns how many were loaded. */
export async function seedDemoHealthCentres(db: Kysely<Database>, file = DEMO_HEALTH_CENTRES): Promise<number> {
  if ((await countHealthCentres(db)) > 0) return 0
  const centres = JSON.parse(fs.readFileSync(file, 'utf8')) as HealthCentreSeed[]
  await insertDemoHealthCentres(db, centres)
  return centres.length
}
