import { sql, type Insertable, type Kysely, type Selectable, type Transaction } from 'kysely'
import type { BulletinsTable, Database, EvaluationsTable } from '../../db/schema'

type Db = Kysely<Database> | Transaction<Database>

/** A round's evaluations counted in a bulletin's scope: the whole province (null) or one 市州. */
const inScope = (cityCode: string | null) => sql<boolean>`(${cityCode}::text IS NULL OR i.city_code = ${cityCode}::text)`

export type BulletinRow = Pick<Selectable<BulletinsTable>, 'id' | 'round' | 'title' | 'department' | 'cityCode' | 'publishedOn' | 'intro' | 'createdAt'> & {
  cityName: string | null
  institutionCount: number
}

function selectBulletins() {
  return sql`SELECT b.id, b.round, b.title, b.department, b.city_code, c.name AS city_name, b.published_on, b.intro, b.created_at,
      (SELECT count(DISTINCT e.institution_id)::int FROM evaluations e JOIN institutions i ON i.id = e.institution_id
        WHERE e.round = b.round AND (b.city_code IS NULL OR i.city_code = b.city_code)) AS institution_count
    FROM bulletins b LEFT JOIN regions c ON c.code = b.city_code`
}

/** Newest first; with a 市州, its own bulletins and the province-wide ones. */
export async function listBulletins(db: Db, filter: { cityCode: string | null; limit: number; offset: number }) {
  const where = filter.cityCode ? sql`WHERE b.city_code IS NULL OR b.city_code = ${filter.cityCode}` : sql``
  const [page, count] = await Promise.all([
    sql<BulletinRow>`${selectBulletins()} ${where}
      ORDER BY b.published_on DESC, b.created_at DESC, b.id LIMIT ${filter.limit + 1} OFFSET ${filter.offset}`.execute(db),
    sql<{ total: number }>`SELECT count(*)::int AS total FROM bulletins b ${where}`.execute(db),
  ])
  return { rows: page.rows.slice(0, filter.limit), total: count.rows[0].total, hasMore: page.rows.length > filter.limit }
}

export async function findBulletin(db: Db, id: string): Promise<BulletinRow | undefined> {
  const result = await sql<BulletinRow>`${selectBulletins()} WHERE b.id = ${id}`.execute(db)
  return result.rows[0]
}

/** An institution's evaluation of the round, with its names, its level's label and rank, and its previous level. */
export type EntryRow = Pick<Selectable<EvaluationsTable>, 'institutionId' | 'level' | 'score' | 'evaluatedOn' | 'validUntil'> & {
  institutionName: string
  cityName: string
  districtName: string
  levelLabel: string
  rank: number
  previousLevel: string | null
  previousLevelLabel: string | null
  previousRank: number | null
}

/**
 * Each institution's evaluation in the round (its latest, should a round have evaluated it twice) with the evaluation
 * just before it, whatever round that was.
 */
export async function findEntries(db: Db, round: string, cityCode: string | null): Promise<EntryRow[]> {
  const result = await sql<EntryRow>`
    WITH in_round AS (
      SELECT DISTINCT ON (e.institution_id) e.institution_id, e.evaluated_on, e.valid_until, e.level, e.score
      FROM evaluations e JOIN institutions i ON i.id = e.institution_id
      WHERE e.round = ${round} AND ${inScope(cityCode)}
      ORDER BY e.institution_id, e.evaluated_on DESC
    )
    SELECT r.institution_id, i.name AS institution_name, c.name AS city_name, d.name AS district_name,
      r.level, g.label AS level_label, g.rank, r.score, r.evaluated_on, r.valid_until,
      p.level AS previous_level, pg.label AS previous_level_label, pg.rank AS previous_rank
    FROM in_round r
      JOIN institutions i ON i.id = r.institution_id
      JOIN regions c ON c.code = i.city_code
      JOIN regions d ON d.code = i.district_code
      JOIN grade_levels g ON g.code = r.level
      LEFT JOIN LATERAL (
        SELECT pe.level FROM evaluations pe
        WHERE pe.institution_id = r.institution_id AND pe.evaluated_on < r.evaluated_on
        ORDER BY pe.evaluated_on DESC LIMIT 1
      ) p ON true
      LEFT JOIN grade_levels pg ON pg.code = p.level`.execute(db)
  return result.rows
}

/** How many institutions the round evaluated in the scope, and its last evaluation day (null when none). */
export async function roundInScope(db: Db, round: string, cityCode: string | null) {
  const result = await sql<{ institutions: number; lastEvaluatedOn: string | null }>`
    SELECT count(DISTINCT e.institution_id)::int AS institutions, max(e.evaluated_on) AS last_evaluated_on
    FROM evaluations e JOIN institutions i ON i.id = e.institution_id
    WHERE e.round = ${round} AND ${inScope(cityCode)}`.execute(db)
  return result.rows[0]
}

export type NewBulletin = Required<Omit<Insertable<BulletinsTable>, 'id' | 'createdAt'>>

/** Null when the round already has a bulletin for that scope. */
export async function insertBulletinUnlessPublished(db: Db, bulletin: NewBulletin): Promise<string | null> {
  const row = await db
    .insertInto('bulletins')
    .values(bulletin)
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst()
  return row?.id ?? null
}

/** Rounds evaluated among the demo institutions, with their last evaluation day. */
export async function demoRounds(db: Db) {
  const result = await sql<{ round: string; lastEvaluatedOn: string }>`
    SELECT e.round, max(e.evaluated_on) AS last_evaluated_on
    FROM evaluations e JOIN institutions i ON i.id = e.institution_id
    WHERE i.is_demo GROUP BY e.round ORDER BY max(e.evaluated_on)`.execute(db)
  return result.rows
}
