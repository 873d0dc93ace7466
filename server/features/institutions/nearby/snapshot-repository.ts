import { sql, type Kysely } from 'kysely'
import type { Database } from '../../../db/schema'
import type { FeeUnit, ServiceForm } from '../../../../types/institutions'
import { selectSummary, summaryJoins, type ClassSummaryRow, type InstitutionRow, type WarningRow } from '../repository'

type Db = Kysely<Database>

/** One institution as the nearby search needs it, read with the same SELECT as the SQL search so every field is alike. */
export interface IndexedInstitution {
  row: InstitutionRow
  classes: ClassSummaryRow[]
  services: Array<{ form: ServiceForm; fee: number; feeUnit: FeeUnit }>
  /** Newest first; on the same day a 行政处罚 before a 信用警示 (the order findWarnings picks the first of). */
  sanctions: WarningRow[]
  /** Its summary as JSON text around the distance, for one day and priced form (page-json.ts); null until asked. */
  summaryJson: { key: string; head: string; tail: string } | null
}

const SHARED_TEXT = [
  'kind',
  'ownership',
  'profit',
  'cityCode',
  'cityName',
  'districtCode',
  'districtName',
  'gradeLevel',
  'gradeLabel',
  'gradedOn',
  'gradeValidUntil',
] as const satisfies ReadonlyArray<keyof InstitutionRow>

/** `= ANY(array)`: one parameter for 5,000 ids, where `IN` would send 5,000. */
const anyOf = (ids: string[]) => sql<string>`ANY(${sql.val(ids)}::uuid[])`

/** The institutions with these ids; an id missing from the answer has been deleted. */
export async function loadInstitutions(db: Db, ids: string[]): Promise<IndexedInstitution[]> {
  if (!ids.length) return []
  const [rows, classes, services, sanctions] = await Promise.all([
    sql<InstitutionRow>`${selectSummary(null, null)} ${summaryJoins(null)} WHERE i.id = ANY(${sql.val(ids)}::uuid[])`.execute(db),
    db
      .selectFrom('institutionClasses')
      .select(['institutionId', 'type', 'name', 'minAgeMonths', 'maxAgeMonths', 'capacity', 'enrolled'])
      .where('institutionId', '=', anyOf(ids))
      .orderBy('institutionId')
      .orderBy('position')
      .execute(),
    db.selectFrom('institutionServices').select(['institutionId', 'form', 'fee', 'feeUnit']).where('institutionId', '=', anyOf(ids)).execute(),
    db
      .selectFrom('sanctions')
      .select(['institutionId', 'kind', 'measure', 'department', 'decidedOn'])
      .where('institutionId', '=', anyOf(ids))
      .orderBy('institutionId')
      .orderBy('decidedOn', 'desc')
      .orderBy(sql`kind = 'sanction'`, 'desc')
      .execute(),
  ])
  // 100,000 institutions repeat a few hundred region names, grade labels and codes: keep one copy of each.
  const shared = new Map<string, string>()
  const one = <T extends string | null>(text: T): T => (text === null ? text : ((shared.get(text) ?? (shared.set(text, text), text)) as T))
  const byId = new Map<string, IndexedInstitution>(
    rows.rows.map((row) => {
      const compact: InstitutionRow = { ...row }
      for (const key of SHARED_TEXT) (compact as Record<string, unknown>)[key] = one(row[key])
      compact.serviceForms = row.serviceForms.map(one)
      return [row.id, { row: compact, classes: [], services: [], sanctions: [], summaryJson: null }]
    }),
  )
  for (const { institutionId, ...k } of classes) byId.get(institutionId)?.classes.push({ ...k, type: one(k.type), name: one(k.name) })
  for (const s of services) byId.get(s.institutionId)?.services.push({ form: one(s.form), fee: s.fee, feeUnit: one(s.feeUnit) })
  for (const s of sanctions) byId.get(s.institutionId)?.sanctions.push(s)
  return [...byId.values()]
}

/** Ids in id order after `afterId`, a page at a time, so a full load never holds the (single PGlite) connection for long. */
export async function institutionIdsAfter(db: Db, afterId: string | null, limit: number): Promise<string[]> {
  let query = db.selectFrom('institutions').select('id').orderBy('id').limit(limit)
  if (afterId) query = query.where('id', '>', afterId)
  return (await query.execute()).map((r) => r.id)
}

export interface ChangeBatch {
  /** Transactions with an id below this had ended when the changes were read: the next read starts here. */
  xmin: number
  changes: Array<{ seq: number; institutionId: string | null }>
}

/**
 * The log rows of transactions from `sinceXmin` on, read in the same snapshot as the xmin it returns: a transaction
 * still running now has an id ≥ that xmin, so its rows are read next time, once it has committed.
 */
export async function readChanges(db: Db, sinceXmin: number): Promise<ChangeBatch> {
  const result = await sql<{ xmin: number; seq: number | null; institutionId: string | null }>`
    WITH s AS (SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS xmin)
    SELECT s.xmin, c.seq, c.institution_id FROM s LEFT JOIN institution_changes c ON c.tx >= ${sinceXmin}`.execute(db)
  const xmin = Number(result.rows[0].xmin)
  const changes = result.rows.filter((r) => r.seq !== null).map((r) => ({ seq: Number(r.seq), institutionId: r.institutionId }))
  return { xmin, changes }
}

/** The log is only read for the last few seconds; an hour covers any transaction that could still be running. */
export async function pruneChanges(db: Db): Promise<void> {
  await sql`DELETE FROM institution_changes WHERE changed_at < now() - interval '1 hour'`.execute(db)
}
