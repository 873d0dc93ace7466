import { createHmac } from 'node:crypto'
import { spawnSync } from 'node:child_process'

/** Test-only helpers of the auth feature (not loaded by the app). */

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')

/** An HS256 JWT built by hand, to present tokens the app never issued (forged, expired). */
export function handMadeJwt(secret: string, claims: Record<string, unknown>): string {
  const unsigned = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(claims)}`
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`
}

export const TEST_REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379'

/**
 * Whether a Redis answers PING at the URL, decided synchronously (jest needs to know while defining tests,
 * so the Redis test is reported as skipped rather than passing without running).
 */
export function redisAnswers(url: string = TEST_REDIS_URL): boolean {
  const { hostname, port } = new URL(url)
  const probe = `const s = require('net').connect(${Number(port) || 6379}, ${JSON.stringify(hostname || '127.0.0.1')});
    s.on('connect', () => s.write('PING\\r\\n'));
    s.on('data', (d) => process.exit(String(d).startsWith('+PONG') || String(d).startsWith('-NOAUTH') ? 0 : 1));
    s.on('error', () => process.exit(1));`
  return spawnSync(process.execPath, ['-e', probe], { timeout: 2000 }).status === 0
}

let ipSerial = 0
/** A fresh client address per test, so the per-IP limits of one test do not leak into the next. */
export const nextIp = () => `10.0.${Math.floor(++ipSerial / 250)}.${(ipSerial % 250) + 1}`
