import type { FastifyRequest } from 'fastify'

/**
 * What the log keeps of a request: the path, never the query string, which carries a parent's position (lat, lng) and
 * children's birth months (PIPL: minimal collection; location and data about children under 14 are sensitive).
 */
export function requestForLog(request: FastifyRequest) {
  return {
    method: request.method,
    url: request.url.split('?')[0],
    host: request.host,
    remoteAddress: request.ip,
  }
}
