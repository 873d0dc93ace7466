import type { Kysely } from 'kysely'
import type { SanctionList, SanctionQuery } from '../../../types/sanctions'
import type { Database } from '../../db/schema'
import { badRequest } from '../../shared/http-errors'
import { listPublicSanctions } from './repository'

/** 失信与处罚公示 (policy §9), newest first: institutions and measures, never the reason (`cityCodes`: every 市州). */
export async function publicSanctions(db: Kysely<Database>, query: SanctionQuery, cityCodes: Set<string>): Promise<SanctionList> {
  const { cityCode, kind } = query
  if (cityCode !== undefined && !cityCodes.has(cityCode)) throw badRequest('cityCode', `未知的市州代码 ${cityCode} (not a 市州 code)`)
  const page = query.page ?? 1
  const pageSize = query.pageSize ?? 20
  const list = await listPublicSanctions(db, { cityCode: cityCode ?? null, kind: kind ?? null, limit: pageSize, offset: (page - 1) * pageSize })
  return {
    items: list.rows.map((r) => ({
      institutionId: r.institutionId,
      institutionName: r.institutionName,
      cityName: r.cityName,
      districtName: r.districtName,
      kind: r.kind,
      measure: r.measure,
      department: r.department,
      decidedOn: r.decidedOn,
    })),
    total: list.total,
    page,
    pageSize,
    hasMore: list.hasMore,
  }
}
