import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CommitteeNotice, NoticeParams, NoticeReportList, TakedownBody } from '../../../types/notices'
import { BEARER, errorResponses } from '../../shared/route-schemas'
import { reportsFor, takeDownNotice } from './moderation-service'
import { committeeView } from './notice-change-service'
import { NOTICE_TAGS } from './route-options'

export const adminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database
  const asRegulator = app.requireRole('regulator')

  app.get(
    '/admin/notice-reports',
    {
      onRequest: asRegulator,
      schema: {
        summary: 'Reports about committee notices of institutions in your 市州, newest first',
        tags: NOTICE_TAGS,
        security: BEARER,
        response: { 200: NoticeReportList, ...errorResponses(401, 403) },
      },
    },
    async (request) => reportsFor(db, request.grants),
  )

  app.post(
    '/admin/notices/:id/takedown',
    {
      onRequest: asRegulator,
      schema: {
        summary: 'Take a notice down: parents no longer see it; the author sees the reason; its history is kept',
        tags: NOTICE_TAGS,
        security: BEARER,
        params: NoticeParams,
        body: TakedownBody,
        response: { 200: CommitteeNotice, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { id } = request.params
      await takeDownNotice(db, id, request, request.body.reason)
      request.log.info({ noticeId: id, takenDownBy: request.userId }, 'notice taken down')
      return committeeView(db, id, request.userId, app.settings.jwtSecret)
    },
  )
}
