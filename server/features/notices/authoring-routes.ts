import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CommitteeNotice, InstitutionParams, NoticeEdit, NoticeHistory, NoticeInput, NoticeParams } from '../../../types/notices'
import { withGrants } from '../../shared/auth'
import { BEARER, errorResponses } from '../../shared/route-schemas'
import { SCENE } from '../../shared/wechat/content-security'
import { assertCommitteeOf } from './access'
import { editNotice, historyOf, postNotice, withdrawNotice } from './authoring-service'
import { committeeView } from './notice-change-service'
import { NOTICE_TAGS, textCheckOf } from './route-options'

export const authoringRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database
  const { jwtSecret } = app.settings
  const signedIn = withGrants(app)

  app.post(
    '/institutions/:id/notices',
    {
      onRequest: app.requireRole('committee'),
      schema: {
        summary: "Post a notice as a member of the institution's parent committee (plain text; images uploaded first)",
        tags: NOTICE_TAGS,
        security: BEARER,
        params: InstitutionParams,
        body: NoticeInput,
        response: { 201: CommitteeNotice, ...errorResponses(400, 401, 403, 503) },
      },
    },
    async (request, reply) => {
      const { id: institutionId } = request.params
      assertCommitteeOf(request.grants, institutionId)
      const id = await postNotice(db, institutionId, request.userId, request.body, textCheckOf(app, request, SCENE.post))
      request.log.info({ noticeId: id, institutionId }, 'notice posted')
      return reply.code(201).send(await committeeView(db, id, request.userId, jwtSecret))
    },
  )

  app.put(
    '/notices/:id',
    {
      onRequest: signedIn,
      schema: {
        summary: 'Edit your notice: send every field as it should read (imageIds replace the images); the current version is kept in its history first',
        tags: NOTICE_TAGS,
        security: BEARER,
        params: NoticeParams,
        body: NoticeEdit,
        response: { 200: CommitteeNotice, ...errorResponses(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request) => {
      await editNotice(db, request.params.id, request, request.body, textCheckOf(app, request, SCENE.post))
      return committeeView(db, request.params.id, request.userId, jwtSecret)
    },
  )

  app.post(
    '/notices/:id/withdraw',
    {
      onRequest: signedIn,
      schema: {
        summary: 'Withdraw your notice: parents no longer see it; it and its history are kept',
        tags: NOTICE_TAGS,
        security: BEARER,
        params: NoticeParams,
        response: { 200: CommitteeNotice, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await withdrawNotice(db, request.params.id, request)
      request.log.info({ noticeId: request.params.id }, 'notice withdrawn')
      return committeeView(db, request.params.id, request.userId, jwtSecret)
    },
  )

  app.get(
    '/notices/:id/history',
    {
      onRequest: signedIn,
      schema: {
        summary: "Every version of a notice, oldest first (the author, the institution's committee, or its 市州's regulators)",
        tags: NOTICE_TAGS,
        security: BEARER,
        params: NoticeParams,
        response: { 200: NoticeHistory, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => historyOf(db, request.params.id, request),
  )
}
