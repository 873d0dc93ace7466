import { sql, type Kysely, type Selectable } from 'kysely'
import type { Database, SanctionsTable } from '../../db/schema'
import type { SanctionKind } from '../../../types/institutions'

export interface SanctionFilter {
  cityCode: string | null
  kind: SanctionKind | null
  limit: number
  offset: number
}

export type PublicSanctionRow = Pick<Selectable<SanctionsTable>, 'institutionId' | 'kind' | 'measure' | 'department' | 'decidedOn'> & {
  institutionName: string
  cityName: string
  districtName: string
}

/**
 * Newest first. The reason is never selected: it is free text that may name a person, and this list is public.
 */
export async function listPublicSanctions(db: Kysely<Database>, filter: SanctionFilter) {
  const clauses = [sql`true`]
  if (filter.cityCode) clauses.push(sql`i.city_code = ${filter.cityCode}`)
  if (filter.kind) clauses.push(sql`s.kind = ${filter.kind}`)
  const where = sql`WHERE ${sql.join(clauses, sql` AND `)}`
  const [page, count] = await Promise.all([
    sql<PublicSanctionRow>`SELECT s.institution_id, i.name AS institution_name, c.name AS city_name, d.name AS district_name,
        s.kind, s.measure, s.department, s.decided_on
      FROM sanctions s
        JOIN institutions i ON i.id = s.institution_id
        JOIN regions c ON c.code = i.city_code
        JOIN regions d ON d.code = i.district_code
      ${where}
      ORDER BY s.decided_on DESC, s.institution_id, s.kind
      LIMIT ${filter.limit + 1} OFFSET ${filter.offset}`.execute(db),
    sql<{ total: number }>`SELECT count(*)::int AS total FROM sanctions s JOIN institutions i ON i.id = s.institution_id ${where}`.execute(db),
  ])
  return { rows: page.rows.slice(0, filter.limit), total: count.rows[0].total, hasMore: page.rows.length > filter.limit }
}
