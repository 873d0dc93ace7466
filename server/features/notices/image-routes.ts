import { randomUUID } from 'node:crypto'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { UploadedNoticeImage } from '../../../types/notices'
import { ClientError } from '../../shared/http-errors'
import { cleanUploadedImage } from '../../shared/images/clean-image'
import { ImageBytes, ImageParams, SignedQuery, assertSignedLink, registerImageUploads, sendImage } from '../../shared/images/image-routes'
import { readImageField } from '../../shared/images/read-upload'
import { SCENE, requestImageCheck } from '../../shared/wechat/content-security'
import { onMediaCheckResult } from '../../shared/wechat/register'
import { signNoticeImageCheckUrl, verifyNoticeImageCheckSignature, verifyNoticeImageSignature } from './image-urls'
import { NOTICE_TAGS } from './route-options'
import { BEARER, errorResponses } from '../../shared/route-schemas'
import { imageForCheck, imageForReaders, recordImageVerdict, storeNoticeImage } from './image-service'

export const NOTICE_IMAGE_CHECK = 'notice_image'

export const imageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const maxBytes = await registerImageUploads(app)
  const { db } = app.database
  const storage = () => app.settings.complaints.photoStorage
  onMediaCheckResult(app, NOTICE_IMAGE_CHECK, recordImageVerdict)

  app.post(
    '/notices/images',
    {
      onRequest: app.requireRole('committee'),
      schema: {
        summary: 'Upload one image for a notice (multipart field "image"); metadata such as GPS is removed',
        tags: NOTICE_TAGS,
        security: BEARER,
        consumes: ['multipart/form-data'],
        response: { 201: UploadedNoticeImage, ...errorResponses(400, 401, 403, 413, 415, 503) },
      },
    },
    async (request, reply) => {
      const callbacks = app.settings.wechatCallbacks
      if (!callbacks) throw new ClientError(503, '图片安全检查未配置，暂不能上传图片 (PUBLIC_BASE_URL / WECHAT_PUSH_TOKEN not set)')
      const image = await cleanUploadedImage(await readImageField(request, 'image', maxBytes), 'image')
      const id = randomUUID()
      await storeNoticeImage(db, storage(), { id, userId: request.userId, image }, (imageId) =>
        requestImageCheck(app, request.log, {
          authorId: request.userId,
          subjectKind: NOTICE_IMAGE_CHECK,
          subjectId: imageId,
          scene: SCENE.post,
          mediaUrl: `${callbacks.publicBaseUrl}${signNoticeImageCheckUrl(app.settings.jwtSecret, imageId)}`,
        }),
      )
      return reply.code(201).send({ id, bytes: image.bytes.length, contentType: image.contentType })
    },
  )

  app.get(
    '/notices/images/:id/wechat-check',
    {
      schema: {
        summary: "An uploaded image for WeChat's image check (mediaCheckAsync's media_url), through its signed link",
        tags: NOTICE_TAGS,
        params: ImageParams,
        querystring: SignedQuery,
        response: { 200: ImageBytes, ...errorResponses(400, 403, 404) },
      },
    },
    async (request, reply) => {
      const { id } = request.params
      const { expires, sig } = request.query
      assertSignedLink(
        verifyNoticeImageCheckSignature(app.settings.jwtSecret, id, expires, sig),
        '图片链接无效或已过期 (the image link is invalid or has expired)',
      )
      return sendImage(reply, await imageForCheck(db, storage(), id), 'no-store')
    },
  )

  app.get(
    '/notices/images/:id',
    {
      schema: {
        summary: 'An image of a notice, through the short-lived signed link in the notice',
        tags: NOTICE_TAGS,
        params: ImageParams,
        querystring: SignedQuery,
        response: { 200: ImageBytes, ...errorResponses(400, 403, 404) },
      },
    },
    async (request, reply) => {
      const { id } = request.params
      const { expires, sig } = request.query
      assertSignedLink(
        verifyNoticeImageSignature(app.settings.jwtSecret, id, expires, sig),
        '图片链接无效或已过期，请刷新页面 (the image link is invalid or has expired)',
      )
      return sendImage(reply, await imageForReaders(db, storage(), id), 'private, max-age=600')
    },
  )
}
