import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../../../db/schema'
import { classBreaches } from '../class-rules'
import type { InstitutionRecord } from './record'

const CHUNK = 400

/** Columns derived from a record's services, classes and evaluations, kept on the institution row for the search. */
export function summaryOf(record: InstitutionRecord, rankOfLevel: Map<string, number>) {
  const monthly = record.services.filter((s) => s.feeUnit === 'month').map((s) => s.fee)
  const latest = [...record.evaluations].sort((a, b) => b.evaluatedOn.localeCompare(a.evaluatedOn))[0]
  return {
    serviceForms: record.services.map((s) => s.form),
    monthlyFeeMin: monthly.length ? Math.min(...monthly) : null,
    monthlyFeeMax: monthly.length ? Math.max(...monthly) : null,
    freePlaces: record.classes.reduce((sum, k) => sum + Math.max(0, k.capacity - k.enrolled), 0),
    breachesLimits: record.classes.some((k) => classBreaches(k, record.kind).breaches.length > 0),
    gradeLevel: latest?.level ?? null,
    gradeRank: latest ? (rankOfLevel.get(latest.level) ?? null) : null,
    gradeScore: latest?.score ?? null,
    gradedOn: latest?.evaluatedOn ?? null,
    gradeValidUntil: latest?.validUntil ?? null,
  }
}

/**
 * Inserts or updates institutions by credit code, replacing their services, classes, staff, evaluations and
 * sanctions. Call inside a transaction: a failure anywhere leaves the registry as it was.
 */
export async function upsertInstitutions(trx: Transaction<Database> | Kysely<Database>, records: InstitutionRecord[], now = new Date()): Promise<number> {
  const levels = await trx.selectFrom('gradeLevels').select(['code', 'rank']).execute()
  const rankOfLevel = new Map(levels.map((l) => [l.code, l.rank]))
  const importedAt = now.toISOString()
  for (let start = 0; start < records.length; start += CHUNK) {
    await upsertChunk(trx, records.slice(start, start + CHUNK), rankOfLevel, importedAt)
  }
  return records.length
}

async function upsertChunk(trx: Kysely<Database>, records: InstitutionRecord[], rankOfLevel: Map<string, number>, importedAt: string) {
  const rows = records.map((record) => {
    const {
      services: _services,
      classes: _classes,
      classFees: _classFees,
      feeItems: _feeItems,
      staff: _staff,
      evaluations: _evaluations,
      sanctions: _sanctions,
      updatedAt,
      ...columns
    } = record
    const reportedAt = updatedAt ?? importedAt
    return { ...columns, ...summaryOf(record, rankOfLevel), staffUpdatedAt: reportedAt, vacanciesUpdatedAt: reportedAt, updatedAt: importedAt }
  })
  const columns = Object.keys(rows[0]).filter((c) => c !== 'creditCode') as Array<keyof (typeof rows)[number]>
  const inserted = await trx
    .insertInto('institutions')
    .values(rows)
    .onConflict((oc) => oc.column('creditCode').doUpdateSet(Object.fromEntries(columns.map((c) => [c, sql.ref(`excluded.${snake(c)}`)])) as never))
    .returning(['id', 'creditCode'])
    .execute()
  const idOf = new Map(inserted.map((r) => [r.creditCode, r.id]))
  const ids = inserted.map((r) => r.id)

  const childTables = [
    'institutionServices',
    'institutionClassFees',
    'institutionFeeItems',
    'institutionClasses',
    'institutionStaff',
    'evaluations',
    'sanctions',
  ] as const
  for (const table of childTables) {
    await trx.deleteFrom(table).where('institutionId', 'in', ids).execute()
  }

  const withId = records.map((r) => ({ record: r, id: idOf.get(r.creditCode)!, updatedAt: r.updatedAt ?? importedAt }))
  const services = withId.flatMap(({ record, id, updatedAt }) => record.services.map((s) => ({ institutionId: id, ...s, updatedAt })))
  const classes = withId.flatMap(({ record, id, updatedAt }) => record.classes.map((k, position) => ({ institutionId: id, position, ...k, updatedAt })))
  const classFees = withId.flatMap(({ record, id }) => record.classFees.map((c) => ({ institutionId: id, ...c })))
  const feeItems = withId.flatMap(({ record, id }) => record.feeItems.map((item, position) => ({ institutionId: id, position, ...item })))
  const staff = withId.flatMap(({ record, id }) => record.staff.map((s) => ({ institutionId: id, ...s })))
  const evaluations = withId.flatMap(({ record, id }) =>
    record.evaluations.map((e) => ({ institutionId: id, ...e, dimensionScores: JSON.stringify(e.dimensionScores) })),
  )
  const sanctions = withId.flatMap(({ record, id }) => record.sanctions.map((s) => ({ institutionId: id, ...s })))

  if (services.length) await trx.insertInto('institutionServices').values(services).execute()
  if (classes.length) await trx.insertInto('institutionClasses').values(classes).execute()
  if (classFees.length) await trx.insertInto('institutionClassFees').values(classFees).execute()
  if (feeItems.length) await trx.insertInto('institutionFeeItems').values(feeItems).execute()
  if (staff.length) await trx.insertInto('institutionStaff').values(staff).execute()
  if (evaluations.length) await trx.insertInto('evaluations').values(evaluations).execute()
  if (sanctions.length) await trx.insertInto('sanctions').values(sanctions).execute()
}

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
