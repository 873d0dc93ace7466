import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CommitteeNotice, NoticeParams, NoticeReportList, TakedownBody } from '../../../types/notices'
import { PROVINCE_CODE } from '../../../types/roles'
import { regulatesCity, type ActiveGrant } from '../../shared/auth'
import { outsideYourCity } from './access'
import { assertStillUp, changeNotice, committeeView, noSuchNotice } from './notice-changes'
import { statusOf } from './present'
import { BEARER, NOTICE_TAGS, errorResponses } from './route-options'
import { findInstitution, findNotice, listReports } from './repository'
import { assertPlainText } from './text-rules'

/** The 市州 a regulator covers, or null for the whole province. */
function citiesOf(grants: ActiveGrant[]): string[] | null {
  const regions = grants.filter((g) => g.role === 'regulator').map((g) => g.regionCode!)
  return regions.includes(PROVINCE_CODE) ? null : regions
}

export const adminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database
  const asRegulator = app.requireRole('regulator')

  app.get('/admin/notice-reports', {
    onRequest: asRegulator,
    schema: {
      summary: 'Reports about committee notices of institutions in your 市州, newest first',
      tags: NOTICE_TAGS, security: BEARER,
      response: { 200: NoticeReportList, ...errorResponses(401, 403) },
    },
  }, async (request) => {
    const rows = await listReports(db, citiesOf(request.grants))
    return {
      items: rows.map((r) => ({
        id: r.id, noticeId: r.noticeId, noticeTitle: r.noticeTitle, institutionName: r.institutionName,
        reason: r.reason, reportedAt: r.reportedAt, noticeStatus: statusOf(r),
      })),
    }
  })

  app.post('/admin/notices/:id/takedown', {
    onRequest: asRegulator,
    schema: {
      summary: 'Take a notice down: parents no longer see it; the author sees the reason; its history is kept',
      tags: NOTICE_TAGS, security: BEARER, params: NoticeParams, body: TakedownBody,
      response: { 200: CommitteeNotice, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (request) => {
    const { id } = request.params
    const { reason } = request.body
    assertPlainText({ reason })
    const notice = await findNotice(db, id)
    if (!notice) throw noSuchNotice()
    const institution = (await findInstitution(db, notice.institutionId))!
    if (!regulatesCity(request.grants, institution.cityCode)) throw outsideYourCity()
    await changeNotice(app, id, assertStillUp, async () => ({
      takenDownAt: new Date().toISOString(), takenDownBy: request.userId, takedownReason: reason,
    }))
    request.log.info({ noticeId: id, takenDownBy: request.userId }, 'notice taken down')
    return committeeView(app, id, request.userId)
  })
}
