import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import {
  CentreGuidanceQuery, CompleteGuidanceBody, DeclineGuidanceBody, GuidanceParams, GuidanceRequest, GuidanceRequestList, ScheduleGuidanceBody,
} from '../../../types/guidance'
import { badRequest } from '../../shared/http-errors'
import { chinaDateTime } from './china-date-time'
import { changeRequest, shownRequest } from './request-changes'
import { checkedScheduledAt } from './request-rules'
import { emptyBodyAsObject } from '../../shared/empty-body'
import { BEARER, CENTRE_GUIDANCE_TAGS, errorResponses } from './route-options'
import { assertInArea, assertTookIt, centreTakingIt, staffAreaOf } from './staff-area'
import { findRequest, requestsInDistricts } from './repository'
import { nextStatus } from './transitions'

export const centreRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database
  const asCentreStaff = app.requireRole('centre_staff')

  /** The request and the staff member's area, 404 when the request is not in it. */
  async function requestInArea(request: FastifyRequest, id: string) {
    const area = await staffAreaOf(db, request.grants)
    const row = await findRequest(db, id)
    assertInArea(area, row)
    return { area, row }
  }

  const actionSchema = <B>(summary: string, body: B) => ({
    summary, tags: CENTRE_GUIDANCE_TAGS, security: BEARER, params: GuidanceParams, body,
    response: { 200: GuidanceRequest, ...errorResponses(400, 401, 403, 404, 409) },
  })

  app.get('/centre/guidance-requests', {
    onRequest: asCentreStaff,
    schema: {
      summary: 'Home-guidance requests in the districts of your centres, oldest first, with the address and phone for the visit',
      tags: CENTRE_GUIDANCE_TAGS, security: BEARER, querystring: CentreGuidanceQuery,
      response: { 200: GuidanceRequestList, ...errorResponses(400, 401, 403) },
    },
  }, async (request, reply) => {
    const area = await staffAreaOf(db, request.grants)
    // Families' addresses and phones: never kept by a browser or proxy cache.
    reply.header('cache-control', 'no-store')
    return { items: await requestsInDistricts(db, area.districtCodes, request.query.status) }
  })

  app.post('/centre/guidance-requests/:id/schedule', {
    onRequest: asCentreStaff,
    schema: actionSchema('Schedule (or reschedule) the visit: which of your centres, when, and who goes', ScheduleGuidanceBody),
  }, async (request) => {
    const { area, row } = await requestInArea(request, request.params.id)
    const { centreId, staffName } = request.body
    const centre = centreTakingIt(area, centreId, row)
    const scheduledAt = checkedScheduledAt(request.body.scheduledAt)
    const name = staffName.trim()
    if ([...name].length < 2) throw badRequest('staffName', '请填写上门人员的姓名 (staffName is empty)')
    await changeRequest(db, row, {
      action: 'schedule', actor: 'centre', actorUserId: request.userId,
      fields: { centreId: centre.id, scheduledAt, staffName: name, declineReason: null },
      note: `${centre.name}：${chinaDateTime(scheduledAt)} 上门，${name}`,
    })
    request.log.info({ guidanceRequestId: row.id, centreId: centre.id }, 'guidance visit scheduled')
    return shownRequest(db, row.id)
  })

  app.post('/centre/guidance-requests/:id/decline', {
    onRequest: asCentreStaff,
    schema: actionSchema('Decline the request, with the reason the family will see', DeclineGuidanceBody),
  }, async (request) => {
    const { area, row } = await requestInArea(request, request.params.id)
    const centre = centreTakingIt(area, request.body.centreId, row)
    const reason = request.body.reason.trim()
    if ([...reason].length < 2) throw badRequest('reason', '请填写婉拒的原因 (reason is empty)')
    // No visit will happen: the time and staff of an earlier schedule stay in the history only.
    await changeRequest(db, row, {
      action: 'decline', actor: 'centre', actorUserId: request.userId,
      fields: { centreId: centre.id, declineReason: reason, scheduledAt: null, staffName: null },
      note: reason,
    })
    request.log.info({ guidanceRequestId: row.id, centreId: centre.id }, 'guidance request declined')
    return shownRequest(db, row.id)
  })

  app.post('/centre/guidance-requests/:id/complete', {
    onRequest: asCentreStaff, preValidation: emptyBodyAsObject,
    schema: actionSchema('Mark a scheduled visit done, with an optional note for the family (only the centre that scheduled it)', CompleteGuidanceBody),
  }, async (request) => {
    const { area, row } = await requestInArea(request, request.params.id)
    nextStatus('complete', row.status)
    assertTookIt(area, row)
    const note = request.body.note.trim()
    await changeRequest(db, row, { action: 'complete', actor: 'centre', actorUserId: request.userId, note: note || null })
    request.log.info({ guidanceRequestId: row.id }, 'guidance visit done')
    return shownRequest(db, row.id)
  })
}
