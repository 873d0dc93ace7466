import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { UploadedPhoto } from '../../../../types/complaints'
import { ClientError } from '../../../shared/http-errors'
import { registerIpLimits } from '../../../shared/ip-limits'
import { ImageBytes, ImageParams, SignedQuery, assertSignedLink, registerImageUploads, sendImage } from '../../../shared/images/image-routes'
import { readImageField } from '../../../shared/images/read-upload'
import { errorResponses } from '../../../shared/route-schemas'
import { verifyPhotoSignature } from './photo-urls'
import { openAttachedPhoto, storeUploadedPhoto } from './photo-service'

const tags = ['complaints']
/** Anonymous reporters upload too, so only the network is limited. The IP is a rate-limit counter key, never stored with a photo. */
const UPLOADS_PER_IP = { max: 60, timeWindow: 60 * 60 * 1000 }

export const complaintPhotoRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await registerIpLimits(app)
  const maxBytes = await registerImageUploads(app)

  app.post(
    '/complaints/photos',
    {
      schema: {
        summary: 'Upload one complaint photo (multipart field "photo"); metadata such as GPS is removed',
        tags,
        consumes: ['multipart/form-data'],
        response: { 201: UploadedPhoto, ...errorResponses(400, 413, 415, 429) },
      },
      config: { rateLimit: UPLOADS_PER_IP },
    },
    async (request, reply) => {
      const upload = await readImageField(request, 'photo', maxBytes)
      return reply.code(201).send(await storeUploadedPhoto(app, upload))
    },
  )

  app.get(
    '/complaints/photos/:id',
    {
      schema: {
        summary: 'A photo of a complaint, through the short-lived signed link from the complaint view',
        tags,
        params: ImageParams,
        querystring: SignedQuery,
        response: { 200: ImageBytes, ...errorResponses(400, 403, 404) },
      },
    },
    async (request, reply) => {
      const { id } = request.params
      const { expires, sig } = request.query
      assertSignedLink(
        verifyPhotoSignature(app.settings.jwtSecret, id, expires, sig),
        '图片链接无效或已过期，请刷新页面 (the photo link is invalid or has expired)',
      )
      const photo = await openAttachedPhoto(app, id)
      if (!photo) throw new ClientError(404, '图片不存在 (no such photo)')
      return sendImage(reply, photo, 'private, max-age=600')
    },
  )
}
