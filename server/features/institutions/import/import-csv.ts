import { sql, type Kysely } from 'kysely'
import type { Database } from '../../../db/schema'
import { parseInstitutionsCsv } from './parse-csv'
import type { RowError } from './record'
import { upsertInstitutions } from './upsert'

export interface ImportReport {
  imported: number
  rejectedLines: number
  errors: RowError[]
}

/**
 * Every row is validated on its own: the good rows are upserted together in one transaction (all of them or,
 * on a database failure, none), the bad rows are reported by line and reason and never half-written.
 */
export async function importInstitutionsCsv(db: Kysely<Database>, csvText: string): Promise<ImportReport> {
  const { records, errors } = parseInstitutionsCsv(csvText)
  const imported = records.length
    ? await db.transaction().execute((trx) =>
        upsertInstitutions(
          trx,
          records.map((r) => r.record),
        ),
      )
    : 0
  // Fresh statistics after a bulk load, or the planner keeps scanning whole tables it believes are empty.
  if (imported) await sql`ANALYZE`.execute(db)
  return { imported, rejectedLines: new Set(errors.map((e) => e.line)).size, errors }
}
