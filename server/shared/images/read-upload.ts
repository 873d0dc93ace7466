import type { FastifyRequest } from 'fastify'
import { hasNoBody } from '../empty-body'
import { ClientError } from '../http-errors'

/** The bytes of the one multipart file field `field`, or a 4xx naming it. Needs @fastify/multipart registered with a fileSize limit. */
export async function readImageField(request: FastifyRequest, field: string, maxBytes: number): Promise<Buffer> {
  const megabytes = Math.round(maxBytes / 1024 / 1024)
  const noFile = () => new ClientError(400, '请选择要上传的图片 (no file in the upload)', field)
  if (hasNoBody(request.headers)) throw noFile()
  try {
    const file = await request.file()
    if (!file) throw noFile()
    if (file.fieldname !== field) {
      file.file.resume()
      throw new ClientError(400, `图片应放在 ${field} 字段 (the file must be sent as field "${field}", got "${file.fieldname}")`, field)
    }
    return await file.toBuffer()
  } catch (error) {
    if (error instanceof ClientError) throw error
    const code = (error as { code?: string }).code
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new ClientError(413, `图片不能超过 ${megabytes} MB (the image is larger than ${megabytes} MB)`, field)
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE')
      throw new ClientError(415, '请以 multipart/form-data 上传 (send the image as multipart/form-data)', field)
    // Anything else the multipart parser rejects was malformed by the client.
    request.log.info({ err: error }, 'unreadable image upload')
    throw new ClientError(400, '上传内容无法读取 (the upload could not be read)', field)
  }
}
