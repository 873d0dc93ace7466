import type { Readable } from 'node:stream'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyReply } from 'fastify'
import multipart from '@fastify/multipart'
import { UnixSeconds } from '../../../types/common'
import { ClientError } from '../http-errors'

/** What the routes that take and serve private images (complaint photos, notice images) share. */

const DEFAULT_IMAGE_MAX_BYTES = 8 * 1024 * 1024

/** Accepts one image file per request; returns the largest size allowed (the settings', else 8 MiB), for readImageField. */
export async function registerImageUploads(app: FastifyInstance): Promise<number> {
  const maxBytes = app.settings.complaints.photoMaxBytes ?? DEFAULT_IMAGE_MAX_BYTES
  await app.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 10, parts: 11 } })
  return maxBytes
}

export const ImageParams = Type.Object({ id: Type.String({ format: 'uuid' }) })
/** The query of a short-lived signed link (signed-urls.ts). */
export const SignedQuery = Type.Object({ expires: UnixSeconds, sig: Type.String({ minLength: 1, maxLength: 100 }) })
// Streamed as is: fastify never serialises a stream, the schema is for the API docs.
export const ImageBytes = Type.Unsafe<Readable>({ type: 'string', format: 'binary', description: 'image/jpeg, image/png or image/webp' })

export interface StoredImage {
  contentType: string
  bytes: number
  body: Readable
}

/** A link that does not verify (forged, for another image or purpose, expired) answers 403 with the message. */
export function assertSignedLink(verified: boolean, message: string): void {
  if (!verified) throw new ClientError(403, message)
}

/** Streams the image; `cacheControl` says who may keep it, and for how long. */
export function sendImage(reply: FastifyReply, image: StoredImage, cacheControl: string) {
  return reply.header('content-type', image.contentType).header('content-length', image.bytes).header('cache-control', cacheControl).send(image.body)
}
