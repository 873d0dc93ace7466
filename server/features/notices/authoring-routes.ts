import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CommitteeNotice, InstitutionParams, NoticeEdit, NoticeHistory, NoticeInput, NoticeParams, type NoticeCategory } from '../../../types/notices'
import { forbidden, regulatesCity, type ActiveGrant } from '../../shared/auth'
import { badRequest } from '../../shared/http-errors'
import { SCENE, assertTextsAllowed } from '../../shared/wechat/content-security'
import { assertCommitteeOf, isCommitteeOf, notTheAuthor } from './access'
import { assertStillUp, changeNotice, committeeView, noSuchNotice } from './notice-changes'
import { BEARER, NOTICE_TAGS, errorResponses, withGrants } from './route-options'
import { attachImages, detachImagesExcept, findInstitution, findNotice, insertNotice, memberDisplayName, noticeHistory, type NoticeRow } from './repository'
import { assertEditedExpiry, assertFutureExpiry, assertPlainText } from './text-rules'

const imagesNotYours = () => badRequest('imageIds', '图片不存在、不是您上传的或已用于其他公告 (an image is unknown, not uploaded by you, or already used)')

export const authoringRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database
  const signedIn = withGrants(app)

  app.post('/institutions/:id/notices', {
    onRequest: app.requireRole('committee'),
    schema: {
      summary: "Post a notice as a member of the institution's parent committee (plain text; images uploaded first)",
      tags: NOTICE_TAGS, security: BEARER, params: InstitutionParams, body: NoticeInput,
      response: { 201: CommitteeNotice, ...errorResponses(400, 401, 403, 503) },
    },
  }, async (request, reply) => {
    const { id: institutionId } = request.params
    const input = request.body
    assertCommitteeOf(request.grants, institutionId)
    assertPlainText({ title: input.title, body: input.body })
    assertFutureExpiry(input.expiresAt)
    await assertTextsAllowed(app, request.log, request.userId, SCENE.post, { title: input.title, body: input.body })
    const id = await db.transaction().execute(async (trx) => {
      const authorName = await memberDisplayName(trx, request.userId, institutionId)
      const notice = await insertNotice(trx, {
        institutionId, authorUserId: request.userId, authorName,
        category: input.category, title: input.title, body: input.body, pinned: input.pinned, expiresAt: input.expiresAt ?? null,
      })
      // Throwing rolls the notice back with the images.
      if (await attachImages(trx, input.imageIds, notice.id, request.userId) !== input.imageIds.length) throw imagesNotYours()
      return notice.id
    })
    request.log.info({ noticeId: id, institutionId }, 'notice posted')
    return reply.code(201).send(await committeeView(app, id, request.userId))
  })

  /** The author, still on the committee of the notice's institution. */
  const assertAuthor = (userId: string, grants: ActiveGrant[]) => (notice: NoticeRow) => {
    if (notice.authorUserId !== userId || !isCommitteeOf(grants, notice.institutionId)) throw notTheAuthor()
    assertStillUp(notice)
  }

  app.put('/notices/:id', {
    onRequest: signedIn,
    schema: {
      summary: 'Edit your notice: send every field as it should read (imageIds replace the images); the current version is kept in its history first',
      tags: NOTICE_TAGS, security: BEARER, params: NoticeParams, body: NoticeEdit,
      response: { 200: CommitteeNotice, ...errorResponses(400, 401, 403, 404, 409, 503) },
    },
  }, async (request) => {
    const edit = request.body
    assertPlainText({ title: edit.title, body: edit.body })
    // Who may edit is settled before WeChat is asked (and again under the lock): no WeChat call inside the transaction.
    const current = await findNotice(db, request.params.id)
    if (!current) throw noSuchNotice()
    assertAuthor(request.userId, request.grants)(current)
    assertEditedExpiry(edit.expiresAt, current.expiresAt)
    // Only changed texts are checked again: an edit that pins a notice does not ask WeChat about its unchanged body.
    await assertTextsAllowed(app, request.log, request.userId, SCENE.post, {
      title: edit.title !== current.title ? edit.title : null, body: edit.body !== current.body ? edit.body : null,
    })
    await changeNotice(app, request.params.id, assertAuthor(request.userId, request.grants), async (trx, notice) => {
      const kept = await detachImagesExcept(trx, notice.id, edit.imageIds)
      const added = edit.imageIds.filter((id) => !kept.includes(id))
      if (await attachImages(trx, added, notice.id, request.userId) !== added.length) throw imagesNotYours()
      return { title: edit.title, body: edit.body, category: edit.category as NoticeCategory, pinned: edit.pinned, expiresAt: edit.expiresAt }
    })
    return committeeView(app, request.params.id, request.userId)
  })

  app.post('/notices/:id/withdraw', {
    onRequest: signedIn,
    schema: {
      summary: 'Withdraw your notice: parents no longer see it; it and its history are kept',
      tags: NOTICE_TAGS, security: BEARER, params: NoticeParams,
      response: { 200: CommitteeNotice, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (request) => {
    await changeNotice(app, request.params.id, assertAuthor(request.userId, request.grants), async () => ({ withdrawnAt: new Date().toISOString() }))
    request.log.info({ noticeId: request.params.id }, 'notice withdrawn')
    return committeeView(app, request.params.id, request.userId)
  })

  app.get('/notices/:id/history', {
    onRequest: signedIn,
    schema: {
      summary: "Every version of a notice, oldest first (the author, the institution's committee, or its 市州's regulators)",
      tags: NOTICE_TAGS, security: BEARER, params: NoticeParams,
      response: { 200: NoticeHistory, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request) => {
    const notice = await findNotice(db, request.params.id)
    if (!notice) throw noSuchNotice()
    const institution = (await findInstitution(db, notice.institutionId))!
    const allowed = notice.authorUserId === request.userId || isCommitteeOf(request.grants, notice.institutionId)
      || regulatesCity(request.grants, institution.cityCode)
    if (!allowed) throw forbidden('只有发布者、该机构家委会或所在市州的监管人员可以查看历史 (not allowed to see this history)')
    const items = await noticeHistory(db, notice)
    return { items: items.map((v) => ({ ...v, category: v.category as NoticeCategory })) }
  })
}
