import { sql, type Expression, type Kysely, type Selectable, type SqlBool } from 'kysely'
import type { Database, InstitutionsTable, SanctionsTable } from '../../db/schema'
import { findCommitteeStatus } from '../../shared/committee-status'
import {
  BUDGET_UNIT_OF_FORM,
  SANCTION_WARNING_YEARS,
  type FeeUnit,
  type InstitutionSort,
  type ServiceForm,
  type InstitutionKind,
  type Ownership,
  type ProfitType,
} from '../../../types/institutions'

type Db = Kysely<Database>

export interface Point {
  lat: number
  lng: number
}

/** A map area in the registry's GCJ-02 degrees, west < east and south < north. */
export interface Bbox {
  west: number
  south: number
  east: number
  north: number
}

/** The search after validation: every value here is known to be well-formed. */
export interface SearchCriteria {
  origin: Point | null
  radiusKm: number | null
  regionCode: string | null
  /** 搜索此区域: only institutions inside; distances and the nearest-first order stay the origin's. */
  bbox: Bbox | null
  serviceForms: ServiceForm[]
  /** The service form whose fee the cards show, the budget reads and the fee sort orders by: the first one chosen. */
  pricedForm: ServiceForm | null
  /** Yuan, in BUDGET_UNIT_OF_FORM of the priced form, or monthly without one. */
  maxFee: number | null
  kinds: InstitutionKind[]
  childAgeMonths: number | null
  minRank: number | null
  ownership: Ownership | null
  profit: ProfitType | null
  inclusive: boolean | null
  demonstration: boolean | null
  vacanciesOnly: boolean
  nameContains: string | null
  sort: InstitutionSort
  limit: number
  offset: number
  today: string
}

const earthOf = (lat: Expression<number> | number, lng: Expression<number> | number) => sql`ll_to_earth(${lat}, ${lng})`
const rowEarth = sql`ll_to_earth(i.lat, i.lng)`

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}

/** A fee published in another unit (a 半日托 priced 元/半天) cannot be compared with a monthly budget: it does not match. */
function withinBudget(maxFee: number, form: ServiceForm | null) {
  if (!form) return sql<SqlBool>`i.monthly_fee_min <= ${maxFee}`
  return sql<SqlBool>`EXISTS (SELECT 1 FROM institution_services s WHERE s.institution_id = i.id
      AND s.form = ${form} AND s.fee_unit = ${BUDGET_UNIT_OF_FORM[form]} AND s.fee <= ${maxFee})`
}

function whereClauses(c: SearchCriteria) {
  const clauses: Array<Expression<SqlBool>> = []
  if (c.origin && c.radiusKm !== null) {
    const metres = c.radiusKm * 1000
    const origin = earthOf(c.origin.lat, c.origin.lng)
    clauses.push(sql<SqlBool>`earth_box(${origin}, ${metres}::float8) @> ${rowEarth}`)
    clauses.push(sql<SqlBool>`earth_distance(${origin}, ${rowEarth}) <= ${metres}::float8`)
  }
  if (c.bbox) {
    const { west, south, east, north } = c.bbox
    clauses.push(sql<SqlBool>`i.lat BETWEEN ${south} AND ${north} AND i.lng BETWEEN ${west} AND ${east}`)
  }
  if (c.regionCode) clauses.push(sql<SqlBool>`(i.city_code = ${c.regionCode} OR i.district_code = ${c.regionCode})`)
  if (c.serviceForms.length) clauses.push(sql<SqlBool>`i.service_forms @> ${sql.val(c.serviceForms)}::text[]`)
  if (c.maxFee !== null) clauses.push(withinBudget(c.maxFee, c.pricedForm))
  if (c.kinds.length) clauses.push(sql<SqlBool>`i.kind = ANY(${sql.val(c.kinds)}::text[])`)
  if (c.childAgeMonths !== null) {
    const vacancy = c.vacanciesOnly ? sql`AND k.enrolled < k.capacity` : sql``
    clauses.push(sql<SqlBool>`EXISTS (SELECT 1 FROM institution_classes k WHERE k.institution_id = i.id
      AND k.min_age_months <= ${c.childAgeMonths} AND ${c.childAgeMonths} < k.max_age_months ${vacancy})`)
  } else if (c.vacanciesOnly) {
    clauses.push(sql<SqlBool>`i.free_places > 0`)
  }
  if (c.minRank !== null) clauses.push(sql<SqlBool>`i.grade_rank >= ${c.minRank} AND i.grade_valid_until >= ${c.today}::date`)
  if (c.ownership) clauses.push(sql<SqlBool>`i.ownership = ${c.ownership}`)
  if (c.profit) clauses.push(sql<SqlBool>`i.profit = ${c.profit}`)
  if (c.inclusive !== null) clauses.push(sql<SqlBool>`i.inclusive = ${c.inclusive}`)
  if (c.demonstration !== null) clauses.push(sql<SqlBool>`i.demonstration = ${c.demonstration}`)
  if (c.nameContains) clauses.push(sql<SqlBool>`i.name ILIKE ${'%' + escapeLike(c.nameContains) + '%'}`)
  return clauses.length ? sql`WHERE ${sql.join(clauses, sql` AND `)}` : sql``
}

function orderBy(c: SearchCriteria) {
  // The KNN operator lets the GiST index walk institutions nearest first instead of sorting them all.
  const nearest = c.origin ? sql`${rowEarth} <-> ${earthOf(c.origin.lat, c.origin.lng)}` : sql`i.name`
  const currentRank = sql`CASE WHEN i.grade_valid_until >= ${c.today}::date THEN i.grade_rank END`
  switch (c.sort) {
    case 'distance':
      return sql`ORDER BY ${nearest}, i.id` // with an origin the search goes through nearestPage
    case 'grade':
      return sql`ORDER BY ${currentRank} DESC NULLS LAST, i.grade_score DESC NULLS LAST, ${nearest}, i.id`
    case 'fee':
      return sql`ORDER BY ${c.pricedForm ? sql`p.fee` : sql`i.monthly_fee_min`} ASC NULLS LAST, ${nearest}, i.id`
  }
}

/** What lists and pages show of an institution, with its region names, grade label and distance from the asker. */
export type InstitutionRow = Pick<
  Selectable<InstitutionsTable>,
  | 'id'
  | 'name'
  | 'kind'
  | 'ownership'
  | 'profit'
  | 'inclusive'
  | 'demonstration'
  | 'cityCode'
  | 'districtCode'
  | 'address'
  | 'lat'
  | 'lng'
  | 'serviceForms'
  | 'monthlyFeeMin'
  | 'monthlyFeeMax'
  | 'freePlaces'
  | 'breachesLimits'
  | 'gradeLevel'
  | 'gradeRank'
  | 'gradeScore'
  | 'gradedOn'
  | 'gradeValidUntil'
  | 'vacanciesUpdatedAt'
  | 'isDemo'
> & {
  cityName: string
  districtName: string
  gradeLabel: string | null
  distanceKm: number | null
  /** The priced form's fee (see SearchCriteria.pricedForm), null without one. */
  feeForm: ServiceForm | null
  feeAmount: number | null
  feeUnit: FeeUnit | null
}

export function selectSummary(origin: Point | null, pricedForm: ServiceForm | null) {
  const fee = pricedForm
    ? sql`p.form AS fee_form, p.fee AS fee_amount, p.fee_unit`
    : sql`NULL::text AS fee_form, NULL::int AS fee_amount, NULL::text AS fee_unit`
  const distance = origin ? sql`earth_distance(${rowEarth}, ${earthOf(origin.lat, origin.lng)}) / 1000.0` : sql`NULL::float8`
  return sql`SELECT i.id, i.name, i.kind, i.ownership, i.profit, i.inclusive, i.demonstration,
      i.city_code, c.name AS city_name, i.district_code, d.name AS district_name, i.address, i.lat, i.lng,
      ${distance} AS distance_km, i.service_forms, i.monthly_fee_min, i.monthly_fee_max, i.free_places, i.breaches_limits,
      i.grade_level, g.label AS grade_label, i.grade_rank, i.grade_score, i.graded_on, i.grade_valid_until,
      i.vacancies_updated_at, i.is_demo, ${fee}`
}
/** Region names, grade label and, with a priced form, its one services row (the key is institution and form). */
const namesJoins = (pricedForm: ServiceForm | null) => sql`JOIN regions c ON c.code = i.city_code
      JOIN regions d ON d.code = i.district_code
      LEFT JOIN grade_levels g ON g.code = i.grade_level
      ${pricedForm ? sql`LEFT JOIN institution_services p ON p.institution_id = i.id AND p.form = ${pricedForm}` : sql``}`
export const summaryJoins = (pricedForm: ServiceForm | null) => sql`FROM institutions i ${namesJoins(pricedForm)}`

/** Counting stops here: telling a parent "over 1,000" costs a fraction of counting 100,000 on every page. */
export const COUNT_CAP = 1000

export interface SearchResult {
  rows: InstitutionRow[]
  total: number
  totalCapped: boolean
  hasMore: boolean
}

/** `knownTotal`: how many match, when the caller knows (every institution, counted in memory): no count query then. */
export async function searchInstitutions(db: Db, criteria: SearchCriteria, knownTotal: number | null = null): Promise<SearchResult> {
  const where = whereClauses(criteria)
  const [page, count] = await Promise.all([
    // One row more than the page tells whether another page follows.
    criteria.sort === 'distance' && criteria.origin
      ? nearestPage(db, criteria, criteria.origin, where)
      : sql<InstitutionRow>`${selectSummary(criteria.origin, criteria.pricedForm)} ${summaryJoins(criteria.pricedForm)} ${where} ${orderBy(criteria)}
          LIMIT ${criteria.limit + 1} OFFSET ${criteria.offset}`.execute(db),
    knownTotal === null
      ? sql<{ total: number }>`SELECT count(*)::int AS total FROM (SELECT 1 FROM institutions i ${where} LIMIT ${COUNT_CAP + 1}) matched`.execute(db)
      : null,
  ])
  const counted = count ? (count.rows[0]?.total ?? 0) : knownTotal!
  return {
    rows: page.rows.slice(0, criteria.limit),
    total: Math.min(counted, COUNT_CAP),
    totalCapped: counted > COUNT_CAP,
    hasMore: page.rows.length > criteria.limit,
  }
}

/**
 * Nearest first, as two steps: the GiST index walks institutions by distance alone (a tie-breaker or a join in the
 * same ORDER BY makes PostgreSQL 15 sort the whole table instead), then the page is joined and ordered stably.
 */
function nearestPage(db: Db, criteria: SearchCriteria, origin: Point, where: ReturnType<typeof whereClauses>) {
  const distance = sql`${rowEarth} <-> ${earthOf(origin.lat, origin.lng)}`
  return sql<InstitutionRow>`WITH nearest AS (
      SELECT i.id, ${distance} AS chord FROM institutions i ${where}
      ORDER BY ${distance} LIMIT ${criteria.offset + criteria.limit + 1}
    )
    ${selectSummary(origin, criteria.pricedForm)} FROM nearest n JOIN institutions i ON i.id = n.id ${namesJoins(criteria.pricedForm)}
    ORDER BY n.chord, i.id
    LIMIT ${criteria.limit + 1} OFFSET ${criteria.offset}`.execute(db)
}

export async function findInstitutionRows(db: Db, ids: string[], origin: Point | null): Promise<InstitutionRow[]> {
  if (!ids.length) return []
  const result = await sql<InstitutionRow>`${selectSummary(origin, null)} ${summaryJoins(null)}
    WHERE i.id = ANY(${sql.val(ids)}::uuid[])`.execute(db)
  return result.rows
}

export type ClassRow = Awaited<ReturnType<typeof findClasses>>[number]
/** What a list card shows of a class, and the nearby search filters on. */
export type ClassSummaryRow = Pick<ClassRow, 'type' | 'name' | 'minAgeMonths' | 'maxAgeMonths' | 'capacity' | 'enrolled'>
export type WarningRow = Awaited<ReturnType<typeof findWarnings>>[number]
export type DetailExtras = Awaited<ReturnType<typeof findDetailExtras>>

export async function findClasses(db: Db, institutionIds: string[]) {
  if (!institutionIds.length) return []
  return db.selectFrom('institutionClasses').selectAll().where('institutionId', 'in', institutionIds).orderBy('institutionId').orderBy('position').execute()
}

/**
 * The latest sanction or credit warning of each institution decided within SANCTION_WARNING_YEARS before `today`, one
 * query for a whole page (the primary key (institution_id, decided_on, kind) serves it). On the same day a 行政处罚
 * outranks a 信用警示. Never the reason: it may name a person.
 */
export async function findWarnings(db: Db, institutionIds: string[], today: string) {
  if (!institutionIds.length) return []
  const result = await sql<{ institutionId: string } & Pick<Selectable<SanctionsTable>, 'kind' | 'measure' | 'department' | 'decidedOn'>>`
    SELECT DISTINCT ON (s.institution_id) s.institution_id, s.kind, s.measure, s.department, s.decided_on
    FROM sanctions s
    WHERE s.institution_id = ANY(${sql.val(institutionIds)}::uuid[])
      AND s.decided_on > ${today}::date - ${SANCTION_WARNING_YEARS} * interval '1 year'
    ORDER BY s.institution_id, s.decided_on DESC, s.kind = 'sanction' DESC`.execute(db)
  return result.rows
}

export async function findDetailExtras(db: Db, id: string) {
  const [record, services, classFees, feeItems, staff, evaluations, sanctions, committee] = await Promise.all([
    db
      .selectFrom('institutions')
      .select([
        'creditCode',
        'registeringAuthority',
        'filedOn',
        'filingAuthority',
        'phone',
        'description',
        'refundPolicy',
        'prepaymentTerms',
        'staffUpdatedAt',
        'updatedAt',
      ])
      .where('id', '=', id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('institutionServices')
      .selectAll()
      .where('institutionId', '=', id)
      .orderBy(sql`array_position(array['full_day','half_day','hourly','temporary'], form)`)
      .execute(),
    db
      .selectFrom('institutionClassFees')
      .select(['form', 'classType', 'amount'])
      .where('institutionId', '=', id)
      .orderBy(sql`array_position(array['infant','toddler','senior','mixed','kindergarten'], class_type)`)
      .execute(),
    db.selectFrom('institutionFeeItems').select(['item', 'amount', 'unit', 'note']).where('institutionId', '=', id).orderBy('position').execute(),
    db.selectFrom('institutionStaff').selectAll().where('institutionId', '=', id).execute(),
    db
      .selectFrom('evaluations')
      .innerJoin('gradeLevels', 'gradeLevels.code', 'evaluations.level')
      .select(['round', 'evaluatedOn', 'validUntil', 'level', 'gradeLevels.label', 'score', 'department', 'dimensionScores'])
      .where('institutionId', '=', id)
      .orderBy('evaluatedOn', 'desc')
      .execute(),
    // Never the reason: it may name a person, and this answer is public.
    db.selectFrom('sanctions').select(['kind', 'measure', 'department', 'decidedOn']).where('institutionId', '=', id).orderBy('decidedOn', 'desc').execute(),
    findCommitteeStatus(db, id),
  ])
  // The record query throws for an unknown institution, so the committee status is there.
  return { record, services, classFees, feeItems, staff, evaluations, sanctions, committee: committee! }
}

export async function countInstitutions(db: Db): Promise<number> {
  const row = await db
    .selectFrom('institutions')
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow()
  return row.n
}
