import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { InstitutionParams, Notice, NoticeList, NoticeParams, ReportBody, ReportReceipt, UnreadCount } from '../../../types/notices'
import { withGrants } from '../../shared/auth'
import { BEARER, errorResponses } from '../../shared/route-schemas'
import { noticesOf, openNotice, reportNotice, unreadCounts } from './reading-service'
import { NOTICE_TAGS } from './route-options'

export const readerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database
  const signedIn = withGrants(app)
  const jwtSecret = app.settings.jwtSecret

  app.get(
    '/institutions/:id/notices',
    {
      onRequest: signedIn,
      schema: {
        summary: "The committee's notices for parents linked to the institution: pinned first, then newest",
        tags: NOTICE_TAGS,
        security: BEARER,
        params: InstitutionParams,
        response: { 200: NoticeList, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => noticesOf(db, request.params.id, request, jwtSecret),
  )

  app.get(
    '/notices/:id',
    {
      onRequest: signedIn,
      schema: {
        summary: 'One notice; opening it marks it read',
        tags: NOTICE_TAGS,
        security: BEARER,
        params: NoticeParams,
        response: { 200: Notice, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => openNotice(db, request.params.id, request, jwtSecret),
  )

  app.get(
    '/me/notices/unread',
    {
      onRequest: signedIn,
      schema: {
        summary: 'Unread notices over every linked institution (the tab badge)',
        tags: NOTICE_TAGS,
        security: BEARER,
        response: { 200: UnreadCount, ...errorResponses(401) },
      },
    },
    async (request) => unreadCounts(db, request.userId),
  )

  app.post(
    '/notices/:id/report',
    {
      onRequest: signedIn,
      schema: {
        summary: 'Report a notice to the regulators (once per notice)',
        tags: NOTICE_TAGS,
        security: BEARER,
        params: NoticeParams,
        body: ReportBody,
        response: { 201: ReportReceipt, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      const { noticeId, receipt } = await reportNotice(db, request.params.id, request, request.body.reason)
      request.log.info({ noticeId, reportId: receipt.id }, 'notice reported')
      return reply.code(201).send(receipt)
    },
  )
}
