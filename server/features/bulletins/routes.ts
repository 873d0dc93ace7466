import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ErrorResponse } from '../../../types/common'
import { Bulletin, BulletinInput, BulletinList, BulletinParams, BulletinQuery } from '../../../types/bulletins'
import { PROVINCE_CODE } from '../../../types/roles'
import { forbidden, regulatesCity } from '../../shared/auth'
import { chinaToday } from '../../shared/china-time'
import { badRequest, conflict, notFound } from '../../shared/http-errors'
import { presentBulletin, presentSummary } from './present'
import { findBulletin, findEntries, insertBulletinUnlessPublished, listBulletins, roundInScope } from './repository'

const TAGS = ['bulletins']
const BEARER: Array<Record<string, string[]>> = [{ bearer: [] }]
// C0 controls except \t and \n, DEL, and the C1 controls: invisible, never part of a published text.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/

function assertText(field: string, value: string, minLength: number): string {
  const text = value.trim()
  if (text.length < minLength) throw badRequest(field, `至少需要${minLength}个字 (at least ${minLength} characters)`)
  if (CONTROL_CHARACTERS.test(text)) throw badRequest(field, '不能包含控制字符 (control characters are not allowed)')
  return text
}

/** 等级评价公示: rounds of evaluations published by regulators (policy §10). */
export const bulletinRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database
  const cityCodes = new Set(app.reference.cities.map((c) => c.code))

  function assertCity(cityCode: string | null | undefined): string | null {
    if (cityCode && !cityCodes.has(cityCode)) throw badRequest('cityCode', `未知的市州代码 ${cityCode} (not a 市州 code)`)
    return cityCode ?? null
  }

  async function bulletinById(id: string): Promise<Bulletin> {
    const row = await findBulletin(db, id)
    if (!row) throw notFound(`未找到公示 ${id} (bulletin not found)`)
    return presentBulletin(row, await findEntries(db, row.round, row.cityCode))
  }

  app.get('/bulletins', {
    schema: {
      summary: 'Published evaluation results, newest first; with a 市州, its bulletins and the province-wide ones',
      tags: TAGS, querystring: BulletinQuery,
      response: { 200: BulletinList, 400: ErrorResponse },
    },
  }, async (request) => {
    const pageSize = request.query.pageSize ?? 20
    const page = request.query.page ?? 1
    const list = await listBulletins(db, { cityCode: assertCity(request.query.cityCode), limit: pageSize, offset: (page - 1) * pageSize })
    return { items: list.rows.map(presentSummary), total: list.total, hasMore: list.hasMore }
  })

  app.get('/bulletins/:id', {
    schema: {
      summary: 'One bulletin: every institution of the round with its new and previous level',
      tags: TAGS, params: BulletinParams,
      response: { 200: Bulletin, 400: ErrorResponse, 404: ErrorResponse },
    },
  }, async (request) => bulletinById(request.params.id.toLowerCase()))

  app.post('/admin/bulletins', {
    onRequest: app.requireRole('regulator'),
    schema: {
      summary: 'Publish a round already imported with the registry: province-wide (province regulators) or for a 市州',
      tags: TAGS, security: BEARER, body: BulletinInput,
      response: { 201: Bulletin, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 409: ErrorResponse },
    },
  }, async (request, reply) => {
    const input = request.body
    const cityCode = assertCity(input.cityCode)
    const mayPublish = cityCode
      ? regulatesCity(request.grants, cityCode)
      : request.grants.some((g) => g.role === 'regulator' && g.regionCode === PROVINCE_CODE)
    if (!mayPublish) throw forbidden(cityCode ? '不能为其他市州发布公示 (outside the 市州 you regulate)' : '只有省级监管部门可以发布全省公示 (province-wide bulletins need a province regulator)')

    const round = assertText('round', input.round, 2)
    const title = assertText('title', input.title, 2)
    const department = assertText('department', input.department, 2)
    const intro = input.intro?.trim() ?? ''
    if (CONTROL_CHARACTERS.test(intro)) throw badRequest('intro', '不能包含控制字符 (control characters are not allowed)')
    if (input.publishedOn > chinaToday()) throw badRequest('publishedOn', '公示日期不能晚于今天 (publishedOn cannot be in the future)')

    const scope = await roundInScope(db, round, cityCode)
    if (!scope.lastEvaluatedOn) throw badRequest('round', `${round}在${cityCode ? '该市州' : '全省'}没有评价结果，请先导入评价数据 (no evaluations of this round in scope)`)
    if (input.publishedOn < scope.lastEvaluatedOn) {
      throw badRequest('publishedOn', `公示日期不能早于该批次最后评价日期 ${scope.lastEvaluatedOn} (before the round's last evaluation)`)
    }

    const id = await insertBulletinUnlessPublished(db, { round, title, department, cityCode, publishedOn: input.publishedOn, intro, createdBy: request.userId })
    if (!id) throw conflict(`${round}在${cityCode ? '该市州' : '全省'}已经发布过公示 (this round is already published for that scope)`, 'round')
    request.log.info({ bulletinId: id, round, cityCode, by: request.userId }, 'bulletin published')
    return reply.code(201).send(await bulletinById(id))
  })
}
