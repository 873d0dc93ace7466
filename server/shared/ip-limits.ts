import type { FastifyInstance } from 'fastify'
import rateLimit, { type RateLimitOptions } from '@fastify/rate-limit'
import { ClientError } from './http-errors'

/** Per client IP, on top of the per-phone limits kept in login_codes. */
export const IP_LIMITS = {
  codeRequests: { max: 10, timeWindow: 60 * 60 * 1000 },
  signIns: { max: 30, timeWindow: 15 * 60 * 1000 },
  refreshes: { max: 60, timeWindow: 15 * 60 * 1000 },
} satisfies Record<string, RateLimitOptions>

/**
 * Registers @fastify/rate-limit for the routes of the calling plugin that set `config.rateLimit`. With Redis
 * the counters are shared by every BFF instance; if Redis fails, requests pass (skipOnError) rather than
 * failing sign-in for everyone: the per-phone limits in the database still hold.
 */
export async function registerIpLimits(app: FastifyInstance): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    ...(app.settings.redis ? { redis: app.settings.redis, nameSpace: 'jilin-tuoyu:rate-limit:' } : {}),
    skipOnError: true,
    // Thrown: the app's error handler answers with our JSON shape; the retry-after header is already set.
    errorResponseBuilder: (_request, context) => {
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000))
      return new ClientError(429, `请求过于频繁，请 ${seconds} 秒后再试 (too many requests from this network, retry in ${seconds} s)`)
    },
  })
}
