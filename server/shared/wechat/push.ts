import { createHash, timingSafeEqual } from 'node:crypto'
import type { Suggest } from './client'

/**
 * WeChat's message push (消息推送), plaintext mode, JSON format. WeChat signs each request, the URL check (GET with
 * echostr) and every event (POST), with signature = sha1 of token, timestamp and nonce sorted and joined, the token
 * being the one set in the admin console (WECHAT_PUSH_TOKEN).
 */
export function pushSignature(token: string, timestamp: string, nonce: string): string {
  return createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex')
}

export function isSignedPush(token: string, query: { signature?: string; timestamp?: string; nonce?: string }): boolean {
  const { signature, timestamp, nonce } = query
  if (!token || !signature || !timestamp || !nonce) return false
  const expected = Buffer.from(pushSignature(token, timestamp, nonce))
  const given = Buffer.from(signature.toLowerCase())
  return given.length === expected.length && timingSafeEqual(given, expected)
}

export interface MediaCheckResult {
  traceId: string
  suggest: Suggest
  label: number | null
  appid: string | null
}

/**
 * The verdict of a mediaCheckAsync, from its wxa_media_check event: version 2 carries result.suggest and label,
 * version 1 only isrisky. Null when the body is some other event.
 */
export function mediaCheckResultOf(body: unknown): MediaCheckResult | null {
  if (!body || typeof body !== 'object') return null
  const event = body as Record<string, unknown>
  if (event.Event !== 'wxa_media_check' || typeof event.trace_id !== 'string' || !event.trace_id) return null
  const appid = typeof event.appid === 'string' ? event.appid : null
  const result = event.result as { suggest?: unknown; label?: unknown } | undefined
  if (result && (result.suggest === 'pass' || result.suggest === 'review' || result.suggest === 'risky')) {
    return { traceId: event.trace_id, suggest: result.suggest, label: typeof result.label === 'number' ? result.label : null, appid }
  }
  if (event.isrisky === 0 || event.isrisky === 1) return { traceId: event.trace_id, suggest: event.isrisky === 1 ? 'risky' : 'pass', label: null, appid }
  return null
}
