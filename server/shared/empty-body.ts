import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { IncomingHttpHeaders } from 'node:http'

/**
 * A request carries a body only with a content-length above 0 or a transfer-encoding (RFC 9112 §6.3): without either
 * there is nothing to read, whatever content-type it declares.
 */
export function hasNoBody(headers: IncomingHttpHeaders): boolean {
  const length = headers['content-length']
  return headers['transfer-encoding'] === undefined && (length === undefined || length === '0')
}

/**
 * WeChat's wx.request declares `content-type: application/json` on every request, also without a body, and axios
 * declares `application/x-www-form-urlencoded` on a write without one. A declared type with nothing to read is
 * dropped before Fastify looks at it, so it neither fails to parse an empty JSON document (400 "Body cannot be
 * empty") nor refuses a type it has no parser for (415). The route then sees no body: one with a body schema still
 * answers 400 naming `body`.
 */
export function acceptEmptyBodies(app: FastifyInstance): void {
  app.addHook('onRequest', (request, _reply, done) => {
    if (request.raw.headers['content-type'] !== undefined && hasNoBody(request.raw.headers)) delete request.raw.headers['content-type']
    done()
  })
}

/** preValidation for actions whose fields are all optional: no body counts as an empty object. */
export async function emptyBodyAsObject(request: FastifyRequest): Promise<void> {
  if (request.body === undefined || request.body === null) request.body = {}
}
