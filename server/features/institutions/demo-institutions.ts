import fs from 'node:fs'
import path from 'node:path'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { importInstitutionsCsv, type ImportReport } from './import/import-csv'
import { countInstitutions } from './repository'

export const DEMO_CSV = path.resolve(__dirname, '../../../mock/fixtures/institutions.csv')

/** Loads the fictional demo registry into an empty one; null when institutions are already there (demo or real). */
export async function seedDemoInstitutions(db: Kysely<Database>): Promise<ImportReport | null> {
  if ((await countInstitutions(db)) > 0) return null
  return importInstitutionsCsv(db, fs.readFileSync(DEMO_CSV, 'utf8'))
}
