import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { InstitutionParams, Notice, NoticeList, NoticeParams, ReportBody, ReportReceipt, UnreadCount } from '../../../types/notices'
import { conflict } from '../../shared/http-errors'
import { noSuchNotice } from './notice-changes'
import { presentNotice } from './present'
import { canRead, noNoticesHere } from './reader-access'
import { BEARER, NOTICE_TAGS, errorResponses, withGrants } from './route-options'
import { findVisibleNotice, imagesOf, insertReportOnce, listVisibleNotices, recordRead, unreadByInstitution } from './repository'
import { assertPlainText } from './text-rules'

export const readerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database
  const signedIn = withGrants(app)
  const jwtSecret = app.settings.jwtSecret

  /** The visible notice, if the asking user may read its institution's notices; 404 otherwise. */
  async function readableNotice(request: Parameters<typeof canRead>[1], id: string) {
    const notice = await findVisibleNotice(db, id, request.userId)
    if (!notice || !(await canRead(db, request, notice.institutionId))) throw noSuchNotice()
    return notice
  }

  app.get('/institutions/:id/notices', {
    onRequest: signedIn,
    schema: {
      summary: "The committee's notices for parents linked to the institution: pinned first, then newest",
      tags: NOTICE_TAGS, security: BEARER, params: InstitutionParams,
      response: { 200: NoticeList, ...errorResponses(400, 401, 404) },
    },
  }, async (request) => {
    const { id: institutionId } = request.params
    if (!(await canRead(db, request, institutionId))) throw noNoticesHere()
    const rows = await listVisibleNotices(db, institutionId, request.userId)
    const images = await imagesOf(db, rows.map((r) => r.id))
    return { items: rows.map((r) => presentNotice(r, images, jwtSecret)), unread: rows.filter((r) => !r.read).length }
  })

  app.get('/notices/:id', {
    onRequest: signedIn,
    schema: {
      summary: 'One notice; opening it marks it read',
      tags: NOTICE_TAGS, security: BEARER, params: NoticeParams,
      response: { 200: Notice, ...errorResponses(400, 401, 404) },
    },
  }, async (request) => {
    const notice = await readableNotice(request, request.params.id)
    await recordRead(db, notice.id, request.userId)
    return presentNotice({ ...notice, read: true }, await imagesOf(db, [notice.id]), jwtSecret)
  })

  app.get('/me/notices/unread', {
    onRequest: signedIn,
    schema: {
      summary: 'Unread notices over every linked institution (the tab badge)',
      tags: NOTICE_TAGS, security: BEARER,
      response: { 200: UnreadCount, ...errorResponses(401) },
    },
  }, async (request) => {
    const byInstitution = await unreadByInstitution(db, request.userId)
    return { unread: byInstitution.reduce((sum, i) => sum + i.unread, 0), byInstitution }
  })

  app.post('/notices/:id/report', {
    onRequest: signedIn,
    schema: {
      summary: 'Report a notice to the regulators (once per notice)',
      tags: NOTICE_TAGS, security: BEARER, params: NoticeParams, body: ReportBody,
      response: { 201: ReportReceipt, ...errorResponses(400, 401, 404, 409) },
    },
  }, async (request, reply) => {
    assertPlainText({ reason: request.body.reason })
    const notice = await readableNotice(request, request.params.id)
    const report = await insertReportOnce(db, { noticeId: notice.id, reporterUserId: request.userId, reason: request.body.reason })
    if (!report) throw conflict('您已举报过该公告 (you have already reported this notice)')
    request.log.info({ noticeId: notice.id, reportId: report.id }, 'notice reported')
    return reply.code(201).send(report)
  })
}
