import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { GuidanceParams, GuidanceRequest, GuidanceRequestInput, GuidanceRequestList } from '../../../types/guidance'
import { ClientError, conflict } from '../../shared/http-errors'
import { consentRequired, missingChildDataConsent } from './child-consent'
import { changeRequest, shownRequest } from './request-changes'
import { MAX_OPEN_REQUESTS, checkedAddress, checkedDistrict, checkedTimeWindows } from './request-rules'
import { BEARER, GUIDANCE_TAGS, errorResponses } from './route-options'
import { countOpenRequests, findChildOf, findRequest, insertEvent, insertRequest, lockParent, requestsOf } from './repository'
import { OPEN_STATUSES, noSuchRequest } from './transitions'

export const parentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database

  /** The parent's own request; another family's answers like an unknown id. */
  async function ownRequest(userId: string, id: string) {
    const row = await findRequest(db, id)
    if (!row || row.userId !== userId) throw noSuchRequest()
    return row
  }

  app.post('/guidance-requests', {
    onRequest: app.authenticate,
    schema: {
      summary: 'Ask the community health centre of your district for home guidance (入户指导) for one of your children',
      tags: GUIDANCE_TAGS, security: BEARER, body: GuidanceRequestInput,
      response: { 201: GuidanceRequest, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    const input = request.body
    const timeWindows = checkedTimeWindows(input.timeWindows)
    const district = checkedDistrict(app.reference.cities, input.districtCode)
    const address = checkedAddress(input.address)
    const missing = await missingChildDataConsent(db, request.userId)
    if (missing) return reply.code(403).send(consentRequired(missing))
    if (!(await findChildOf(db, request.userId, input.childId))) {
      throw new ClientError(404, '未找到这个孩子的信息 (not one of your children)', 'childId')
    }
    const at = new Date().toISOString()
    const id = await db.transaction().execute(async (trx) => {
      await lockParent(trx, request.userId)
      if ((await countOpenRequests(trx, request.userId, OPEN_STATUSES)) >= MAX_OPEN_REQUESTS) {
        throw conflict(`您已有 ${MAX_OPEN_REQUESTS} 个未完成的入户指导申请，请等待处理或取消后再申请 (at most ${MAX_OPEN_REQUESTS} open requests)`)
      }
      const requestId = await insertRequest(trx, {
        userId: request.userId, childId: input.childId, service: input.service, timeWindows, districtCode: district.code,
        address, contactPhone: input.contactPhone, note: input.note.trim(),
      }, at)
      await insertEvent(trx, { requestId, status: 'requested', note: null, actor: 'parent', actorUserId: request.userId, at })
      return requestId
    })
    request.log.info({ guidanceRequestId: id, districtCode: district.code }, 'guidance requested')
    return reply.code(201).send(await shownRequest(db, id))
  })

  app.get('/guidance-requests', {
    onRequest: app.authenticate,
    schema: {
      summary: 'Your home-guidance requests, newest first, each with its history',
      tags: GUIDANCE_TAGS, security: BEARER,
      response: { 200: GuidanceRequestList, ...errorResponses(401) },
    },
  }, async (request) => ({ items: await requestsOf(db, request.userId) }))

  app.get('/guidance-requests/:id', {
    onRequest: app.authenticate,
    schema: {
      summary: 'One of your home-guidance requests (another family\'s answers 404)',
      tags: GUIDANCE_TAGS, security: BEARER, params: GuidanceParams,
      response: { 200: GuidanceRequest, ...errorResponses(400, 401, 404) },
    },
  }, async (request) => {
    const row = await ownRequest(request.userId, request.params.id)
    return shownRequest(db, row.id)
  })

  app.post('/guidance-requests/:id/cancel', {
    onRequest: app.authenticate,
    schema: {
      summary: 'Cancel your request while it is requested or scheduled (409 otherwise)',
      tags: GUIDANCE_TAGS, security: BEARER, params: GuidanceParams,
      response: { 200: GuidanceRequest, ...errorResponses(400, 401, 404, 409) },
    },
  }, async (request) => {
    const row = await ownRequest(request.userId, request.params.id)
    await changeRequest(db, row, { action: 'cancel', actor: 'parent', actorUserId: request.userId })
    request.log.info({ guidanceRequestId: row.id }, 'guidance request cancelled')
    return shownRequest(db, row.id)
  })
}
