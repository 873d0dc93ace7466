import type { FastifyInstance } from 'fastify'

/** A write without data, sent as WeChat's wx.request sends it: with its default `content-type: application/json` and no body. */
export function wxRequestWithoutData(app: FastifyInstance, method: 'POST' | 'PUT' | 'DELETE', url: string, headers: Record<string, string>) {
  return app.inject({ method, url, headers: { ...headers, 'content-type': 'application/json' } })
}
