import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema'

type Db = Kysely<Database>

/** A timestamp's calendar day in China (UTC+8, no daylight saving), on any server time zone. */
const chinaDay = (column: string) => sql`((${sql.ref(column)} AT TIME ZONE 'UTC') + interval '8 hours')::date`

export interface InstitutionCounts {
  cityCode: string
  institutions: number
  demonstration: number
  places: number
  inclusivePlaces: number
}

export async function institutionCountsByCity(db: Db): Promise<InstitutionCounts[]> {
  const result = await sql<InstitutionCounts>`
    SELECT i.city_code, count(*)::int AS institutions, count(*) FILTER (WHERE i.demonstration)::int AS demonstration,
      coalesce(sum(p.places), 0)::int AS places, coalesce(sum(p.places) FILTER (WHERE i.inclusive), 0)::int AS inclusive_places
    FROM institutions i
      LEFT JOIN (SELECT institution_id, sum(capacity) AS places FROM institution_classes GROUP BY institution_id) p ON p.institution_id = i.id
    GROUP BY i.city_code`.execute(db)
  return result.rows
}

export interface GradeCount {
  cityCode: string
  level: string | null
  count: number
}

/** The institution row carries its latest evaluation; a grade past its valid_until counts as none (level null). */
export async function gradeCountsByCity(db: Db, today: string): Promise<GradeCount[]> {
  const result = await sql<GradeCount>`
    SELECT i.city_code, CASE WHEN i.grade_valid_until >= ${today}::date THEN i.grade_level END AS level, count(*)::int AS count
    FROM institutions i GROUP BY 1, 2`.execute(db)
  return result.rows
}

export interface ComplaintCounts {
  cityCode: string
  received: number
  closed: number
  closedOnTime: number
}

/**
 * Complaints filed from `since` (a China day) up to `until`, by the 市州 they concern.
 * Closed: the complaint reached 办结 (status closed; 不予受理 is an answer, not a handled case, and is not counted).
 * On time: its 办结 event (complaint_events.to_status = 'closed') fell on or before the China day of filing plus
 * `replyDays`, the deadline the handling desk works to (the same day count as complaints.reply_by).
 */
export async function complaintCountsByCity(db: Db, window: { since: string; until: string; replyDays: number }): Promise<ComplaintCounts[]> {
  const result = await sql<ComplaintCounts>`
    SELECT c.city_code, count(*)::int AS received,
      count(*) FILTER (WHERE c.status = 'closed')::int AS closed,
      count(*) FILTER (WHERE c.status = 'closed' AND ${chinaDay('closing.at')} <= ${chinaDay('c.filed_at')} + ${window.replyDays}::int)::int AS closed_on_time
    FROM complaints c
      LEFT JOIN LATERAL (
        SELECT min(e.at) AS at FROM complaint_events e WHERE e.complaint_id = c.id AND e.to_status = 'closed'
      ) closing ON true
    WHERE c.filed_at >= (${window.since}::date - interval '8 hours') AT TIME ZONE 'UTC' AND c.filed_at <= ${window.until}::timestamptz
    GROUP BY c.city_code`.execute(db)
  return result.rows
}
