import { randomUUID } from 'node:crypto'
import type { Readable } from 'node:stream'
import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import multipart from '@fastify/multipart'
import { UploadedNoticeImage } from '../../../types/notices'
import { ClientError } from '../../shared/http-errors'
import { cleanUploadedImage, imageStorageKey } from '../../shared/images/clean-image'
import { readImageField } from '../../shared/images/read-upload'
import { SCENE, requestImageCheck } from '../../shared/wechat/content-security'
import { onMediaCheckResult } from '../../shared/wechat/register'
import { signNoticeImageCheckUrl, verifyNoticeImageCheckSignature, verifyNoticeImageSignature } from './image-urls'
import { BEARER, ImageParams, NOTICE_TAGS, SignedQuery, errorResponses } from './route-options'
import { deleteNoticeImage, findAttachedImage, findUploadedImage, insertNoticeImage, setImageModeration } from './repository'

export const NOTICE_IMAGE_CHECK = 'notice_image'

const DEFAULT_IMAGE_MAX_BYTES = 8 * 1024 * 1024
// Streamed as is: fastify never serialises a stream, the schema is for the API docs.
const ImageBytes = Type.Unsafe<Readable>({ type: 'string', format: 'binary', description: 'image/jpeg, image/png or image/webp' })

export const imageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const maxBytes = app.settings.complaints.photoMaxBytes ?? DEFAULT_IMAGE_MAX_BYTES
  await app.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 10, parts: 11 } })
  const storage = () => app.settings.complaints.photoStorage
  // WeChat's verdict on an uploaded image: a risky one disappears for readers at once.
  onMediaCheckResult(app, NOTICE_IMAGE_CHECK, (db, imageId, verdict) => setImageModeration(db, imageId, verdict))

  app.post('/notices/images', {
    onRequest: app.requireRole('committee'),
    schema: {
      summary: 'Upload one image for a notice (multipart field "image"); metadata such as GPS is removed',
      tags: NOTICE_TAGS, security: BEARER, consumes: ['multipart/form-data'],
      response: { 201: UploadedNoticeImage, ...errorResponses(400, 401, 403, 413, 415, 503) },
    },
  }, async (request, reply) => {
    const callbacks = app.settings.wechatCallbacks
    if (!callbacks) throw new ClientError(503, '图片安全检查未配置，暂不能上传图片 (PUBLIC_BASE_URL / WECHAT_PUSH_TOKEN not set)')
    const image = await cleanUploadedImage(await readImageField(request, 'image', maxBytes), 'image')
    const id = randomUUID()
    const storageKey = imageStorageKey('notices', id, image.extension)
    await storage().put(storageKey, image.bytes, image.contentType)
    try {
      await insertNoticeImage(app.database.db, { id, uploadedBy: request.userId, storageKey, contentType: image.contentType, bytes: image.bytes.length })
      // The image is stored first: WeChat may fetch it before it even answers.
      await requestImageCheck(app, request.log, {
        authorId: request.userId, subjectKind: NOTICE_IMAGE_CHECK, subjectId: id, scene: SCENE.post,
        mediaUrl: `${callbacks.publicBaseUrl}${signNoticeImageCheckUrl(app.settings.jwtSecret, id)}`,
      })
    } catch (error) {
      await deleteNoticeImage(app.database.db, id).catch(() => {})
      await storage().delete(storageKey).catch(() => {})
      throw error
    }
    return reply.code(201).send({ id, bytes: image.bytes.length, contentType: image.contentType })
  })

  app.get('/notices/images/:id/wechat-check', {
    schema: {
      summary: "An uploaded image for WeChat's image check (mediaCheckAsync's media_url), through its signed link",
      tags: NOTICE_TAGS, params: ImageParams, querystring: SignedQuery,
      response: { 200: ImageBytes, ...errorResponses(400, 403, 404) },
    },
  }, async (request, reply) => {
    const { id } = request.params
    const { expires, sig } = request.query
    if (!verifyNoticeImageCheckSignature(app.settings.jwtSecret, id, expires, sig)) {
      throw new ClientError(403, '图片链接无效或已过期 (the image link is invalid or has expired)')
    }
    const image = await findUploadedImage(app.database.db, id)
    const body = image ? await storage().get(image.storageKey) : null
    if (!image || !body) throw new ClientError(404, '图片不存在 (no such image)')
    return reply.header('content-type', image.contentType).header('content-length', image.bytes).header('cache-control', 'no-store').send(body)
  })

  app.get('/notices/images/:id', {
    schema: {
      summary: 'An image of a notice, through the short-lived signed link in the notice',
      tags: NOTICE_TAGS, params: ImageParams, querystring: SignedQuery,
      response: { 200: ImageBytes, ...errorResponses(400, 403, 404) },
    },
  }, async (request, reply) => {
    const { id } = request.params
    const { expires, sig } = request.query
    if (!verifyNoticeImageSignature(app.settings.jwtSecret, id, expires, sig)) {
      throw new ClientError(403, '图片链接无效或已过期，请刷新页面 (the image link is invalid or has expired)')
    }
    const image = await findAttachedImage(app.database.db, id)
    const body = image ? await storage().get(image.storageKey) : null
    if (!image || !body) throw new ClientError(404, '图片不存在 (no such image)')
    return reply
      .header('content-type', image.contentType)
      .header('content-length', image.bytes)
      .header('cache-control', 'private, max-age=600')
      .send(body)
  })
}
