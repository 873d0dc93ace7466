import type { Readable } from 'node:stream'
import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import multipart from '@fastify/multipart'
import type { FastifyRequest } from 'fastify'
import { UploadedPhoto } from '../../../../types/complaints'
import { ErrorResponse } from '../../../../types/common'
import { ClientError } from '../../../shared/http-errors'
import { registerIpLimits } from '../../../shared/ip-limits'
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
    const upload = await readPhotoField(request, maxBytes)
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

/** The bytes of the one file field "photo", or a 4xx naming it. */
async function readPhotoField(request: FastifyRequest, maxBytes: number): Promise<Buffer> {
  const megabytes = Math.round(maxBytes / 1024 / 1024)
  try {
    const file = await request.file()
    if (!file) throw new ClientError(400, '请选择要上传的图片 (no file in the upload)', 'photo')
    if (file.fieldname !== 'photo') {
      file.file.resume()
      throw new ClientError(400, `图片应放在 photo 字段 (the file must be sent as field "photo", got "${file.fieldname}")`, 'photo')
    }
    return await file.toBuffer()
  } catch (error) {
    if (error instanceof ClientError) throw error
    const code = (error as { code?: string }).code
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new ClientError(413, `图片不能超过 ${megabytes} MB (the photo is larger than ${megabytes} MB)`, 'photo')
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw new ClientError(415, '请以 multipart/form-data 上传 (send the photo as multipart/form-data)', 'photo')
    // Anything else the multipart parser rejects was malformed by the client.
    request.log.info({ err: error }, 'unreadable photo upload')
    throw new ClientError(400, '上传内容无法读取 (the upload could not be read)', 'photo')
  }
}
