import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ErrorResponse } from '../../../types/common'
import {
  CompareQuery, CompareResponse, DetailQuery, InstitutionDetail, InstitutionPage, InstitutionParams, InstitutionSearchQuery,
} from '../../../types/institutions'
import { badRequest, notFound } from '../../shared/http-errors'
import { chinaToday } from '../../shared/china-time'
import { findClasses, findDetailExtras, findInstitutionRows, searchInstitutions, type Point } from './repository'
import { originFrom, toSearchCriteria } from './search-criteria'
import { presentDetail, presentSummary } from './present'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const errors = { 400: ErrorResponse, 404: ErrorResponse }

export const institutionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database

  async function details(ids: string[], origin: Point | null) {
    const [rows, classes] = await Promise.all([findInstitutionRows(db, ids, origin), findClasses(db, ids)])
    const today = chinaToday()
    const byId = new Map(rows.map((r) => [r.id, r]))
    return Promise.all(ids.map(async (id) => {
      const row = byId.get(id)
      if (!row) throw notFound(`未找到机构 ${id} (institution not found)`)
      const extras = await findDetailExtras(db, id)
      return presentDetail(row, classes.filter((k) => k.institutionId === id), extras, app.reference, today)
    }))
  }

  app.get('/institutions', {
    schema: {
      summary: 'Nearby search with filters, paged',
      tags: ['institutions'],
      querystring: InstitutionSearchQuery,
      response: { 200: InstitutionPage, 400: ErrorResponse },
    },
  }, async (request) => {
    const criteria = toSearchCriteria(request.query, app.reference)
    const { rows, total, totalCapped, hasMore } = await searchInstitutions(db, criteria)
    const classes = await findClasses(db, rows.map((r) => r.id))
    const page = request.query.page ?? 1
    return {
      items: rows.map((row) => presentSummary(row, classes.filter((k) => k.institutionId === row.id), criteria.today)),
      total,
      totalCapped,
      page,
      pageSize: criteria.limit,
      hasMore,
      sort: criteria.sort,
    }
  })

  app.get('/institutions/compare', {
    schema: {
      summary: 'Two to four institutions side by side',
      tags: ['institutions'],
      querystring: CompareQuery,
      response: { 200: CompareResponse, ...errors },
    },
  }, async (request) => {
    const ids = request.query.ids.split(',').map((id) => id.trim())
    const malformed = ids.find((id) => !UUID.test(id))
    if (malformed !== undefined) throw badRequest('ids', `机构编号格式错误：${malformed} (malformed id)`)
    if (new Set(ids.map((id) => id.toLowerCase())).size !== ids.length) throw badRequest('ids', '对比的机构不能重复 (duplicate ids)')
    return { items: await details(ids.map((id) => id.toLowerCase()), originFrom(request.query)) }
  })

  app.get('/institutions/:id', {
    schema: {
      summary: 'One institution with everything a parent needs to decide',
      tags: ['institutions'],
      params: InstitutionParams,
      querystring: DetailQuery,
      response: { 200: InstitutionDetail, ...errors },
    },
  }, async (request) => {
    const [detail] = await details([request.params.id.toLowerCase()], originFrom(request.query))
    return detail
  })
}

