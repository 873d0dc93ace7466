import type { Kysely } from 'kysely'
import type { CompareQuery, CompareResponse, DetailQuery, InstitutionDetail, InstitutionPage, InstitutionSearchQuery } from '../../../types/institutions'
import type { Database } from '../../db/schema'
import { chinaToday } from '../../shared/china-time'
import { badRequest, notFound } from '../../shared/http-errors'
import type { Reference } from '../../shared/reference'
import { presentDetail, presentSummary } from './present'
import { findClasses, findDetailExtras, findInstitutionRows, findWarnings, searchInstitutions, type Point, type SearchCriteria } from './repository'
import { answersFromMemory, type NearbyAnswer, type NearbyIndex } from './nearby/nearby-index'
import { narrowsNothing } from './nearby/criteria-match'
import { nearbyPageJson } from './nearby/page-json'
import { originFrom, toSearchCriteria } from './search-criteria'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Each institution in the order asked, with everything a parent needs to decide; 404 naming the first unknown id. */
async function details(db: Kysely<Database>, ids: string[], origin: Point | null, reference: Reference): Promise<InstitutionDetail[]> {
  const today = chinaToday()
  const [rows, classes, warnings] = await Promise.all([findInstitutionRows(db, ids, origin), findClasses(db, ids), findWarnings(db, ids, today)])
  const byId = new Map(rows.map((r) => [r.id, r]))
  return Promise.all(
    ids.map(async (id) => {
      const row = byId.get(id)
      if (!row) throw notFound(`未找到机构 ${id} (institution not found)`)
      const extras = await findDetailExtras(db, id)
      return presentDetail(
        row,
        classes.filter((k) => k.institutionId === id),
        warnings.find((w) => w.institutionId === id),
        extras,
        reference,
        today,
      )
    }),
  )
}

/** Nearby search with filters, one page: from the in-memory index when it is loaded and can answer, else in SQL. */
export async function findInstitutions(
  db: Kysely<Database>,
  nearby: NearbyIndex | null,
  query: InstitutionSearchQuery,
  reference: Reference,
): Promise<InstitutionPage> {
  return pageOf(db, nearby, toSearchCriteria(query, reference), query.page ?? 1)
}

/** What GET /institutions sends: a nearby page as JSON text straight from memory (see page-json.ts), else the page. */
export async function institutionSearchAnswer(
  db: Kysely<Database>,
  nearby: NearbyIndex | null,
  query: InstitutionSearchQuery,
  reference: Reference,
): Promise<{ json: string } | { page: InstitutionPage }> {
  const criteria = toSearchCriteria(query, reference)
  const page = query.page ?? 1
  if (nearby && answersFromMemory(criteria)) return { json: nearbyPageJson(nearby, criteria, page) }
  return { page: await pageOf(db, nearby, criteria, page) }
}

async function pageOf(db: Kysely<Database>, nearby: NearbyIndex | null, criteria: SearchCriteria, page: number): Promise<InstitutionPage> {
  const { hits, total, totalCapped, hasMore } =
    nearby && answersFromMemory(criteria) ? nearby.search(criteria) : await searchInSql(db, criteria, nearby && narrowsNothing(criteria) ? nearby.size : null)
  return {
    items: hits.map((hit) => presentSummary(hit.row, hit.classes, hit.warning, criteria.today)),
    total,
    totalCapped,
    page,
    pageSize: criteria.limit,
    hasMore,
    sort: criteria.sort,
  }
}

/** The SQL search, with each row's classes and current warning: what the in-memory index answers alike (see its tests). */
async function searchInSql(db: Kysely<Database>, criteria: SearchCriteria, knownTotal: number | null = null): Promise<NearbyAnswer> {
  const { rows, total, totalCapped, hasMore } = await searchInstitutions(db, criteria, knownTotal)
  const ids = rows.map((r) => r.id)
  const [classes, warnings] = await Promise.all([findClasses(db, ids), findWarnings(db, ids, criteria.today)])
  return {
    hits: rows.map((row) => ({
      row,
      classes: classes.filter((k) => k.institutionId === row.id),
      warning: warnings.find((w) => w.institutionId === row.id),
    })),
    total,
    totalCapped,
    hasMore,
  }
}

/** Two to four institutions side by side. */
export async function compareInstitutions(db: Kysely<Database>, query: CompareQuery, reference: Reference): Promise<CompareResponse> {
  const ids = query.ids.split(',').map((id) => id.trim())
  const malformed = ids.find((id) => !UUID.test(id))
  if (malformed !== undefined) throw badRequest('ids', `机构编号格式错误：${malformed} (malformed id)`)
  if (new Set(ids.map((id) => id.toLowerCase())).size !== ids.length) throw badRequest('ids', '对比的机构不能重复 (duplicate ids)')
  return {
    items: await details(
      db,
      ids.map((id) => id.toLowerCase()),
      originFrom(query),
      reference,
    ),
  }
}

export async function institutionDetail(db: Kysely<Database>, id: string, query: DetailQuery, reference: Reference): Promise<InstitutionDetail> {
  const [detail] = await details(db, [id.toLowerCase()], originFrom(query), reference)
  return detail
}
