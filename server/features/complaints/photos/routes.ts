import type { Readable } from 'node:stream'
import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import multipart from '@fastify/multipart'
import { UploadedPhoto } from '../../../../types/complaints'
import { ErrorResponse } from '../../../../types/common'
import { ClientError } from '../../../shared/http-errors'
import { registerIpLimits } from '../../../shared/ip-limits'
import { readImageField } from '../../../shared/images/read-upload'
import { verifyPhotoSignature } from './photo-urls'
import { findAttachedPhoto } from './repository'
import { DEFAULT_PHOTO_MAX_BYTES, storeUploadedPhoto } from './upload'

const tags = ['complaints']
/** Anonymous reporters upload too, so only the network is limited. The IP is a rate-limit counter key, never stored with a photo. */
const UPLOADS_PER_IP = { max: 60, timeWindow: 60 * 60 * 1000 }

const PhotoParams = Type.Object({ id: Type.String({ format: 'uuid' }) })
// Streamed as is: fastify never serialises a stream, the schema is for the API docs.
const PhotoBytes = Type.Unsafe<Readable>({ type: 'string', format: 'binary', description: 'image/jpeg, image/png or image/webp' })
const SignedQuery = Type.Object({ expires: Type.Integer(), sig: Type.String({ minLength: 1, maxLength: 100 }) })

export const complaintPhotoRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await registerIpLimits(app)
  const maxBytes = app.settings.complaints.photoMaxBytes ?? DEFAULT_PHOTO_MAX_BYTES
  await app.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 10, parts: 11 } })

  app.post('/complaints/photos', {
    schema: {
      summary: 'Upload one complaint photo (multipart field "photo"); metadata such as GPS is removed',
      tags,
      consumes: ['multipart/form-data'],
      response: { 201: UploadedPhoto, 400: ErrorResponse, 413: ErrorResponse, 415: ErrorResponse, 429: ErrorResponse },
    },
    config: { rateLimit: UPLOADS_PER_IP },
  }, async (request, reply) => {
    const upload = await readImageField(request, 'photo', maxBytes)
    return reply.code(201).send(await storeUploadedPhoto(app, upload))
  })

  app.get('/complaints/photos/:id', {
    schema: {
      summary: 'A photo of a complaint, through the short-lived signed link from the complaint view',
      tags,
      params: PhotoParams,
      querystring: SignedQuery,
      response: { 200: PhotoBytes, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
    },
  }, async (request, reply) => {
    const { id } = request.params
    const { expires, sig } = request.query
    if (!verifyPhotoSignature(app.settings.jwtSecret, id, expires, sig)) {
      throw new ClientError(403, '图片链接无效或已过期，请刷新页面 (the photo link is invalid or has expired)')
    }
    const photo = await findAttachedPhoto(app.database.db, id)
    const body = photo ? await app.settings.complaints.photoStorage.get(photo.storageKey) : null
    if (!photo || !body) throw new ClientError(404, '图片不存在 (no such photo)')
    return reply
      .header('content-type', photo.contentType)
      .header('content-length', photo.bytes)
      .header('cache-control', 'private, max-age=600')
      .send(body)
  })
}
