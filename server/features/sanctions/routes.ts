import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ErrorResponse } from '../../../types/common'
import { SanctionList, SanctionQuery } from '../../../types/sanctions'
import { badRequest } from '../../shared/http-errors'
import { listPublicSanctions } from './repository'

/** 失信与处罚公示 (policy §9): institutions and measures; never the reason, which may name a person. */
export const sanctionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database
  const cityCodes = new Set(app.reference.cities.map((c) => c.code))

  app.get('/sanctions', {
    schema: {
      summary: 'Sanctions and credit warnings against institutions, newest first',
      tags: ['sanctions'], querystring: SanctionQuery,
      response: { 200: SanctionList, 400: ErrorResponse },
    },
  }, async (request) => {
    const { cityCode, kind } = request.query
    if (cityCode !== undefined && !cityCodes.has(cityCode)) throw badRequest('cityCode', `未知的市州代码 ${cityCode} (not a 市州 code)`)
    const page = request.query.page ?? 1
    const pageSize = request.query.pageSize ?? 20
    const list = await listPublicSanctions(db, { cityCode: cityCode ?? null, kind: kind ?? null, limit: pageSize, offset: (page - 1) * pageSize })
    return {
      items: list.rows.map((r) => ({
        institutionId: r.institutionId, institutionName: r.institutionName, cityName: r.cityName, districtName: r.districtName,
        kind: r.kind, measure: r.measure, department: r.department, decidedOn: r.decidedOn,
      })),
      total: list.total, page, pageSize, hasMore: list.hasMore,
    }
  })
}
