import { createHash, createHmac, randomInt, timingSafeEqual } from 'node:crypto'
import { chinaToday } from '../../shared/china-time'

// No I, L, O, 0 or 1: a tracking number is read out over the phone and typed from a screenshot.
const TRACKING_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
// 32 symbols (5 bits each) without I, O, 0 or 1.
const SECRET_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'

/** TS + the filing date in China + 6 random characters, e.g. TS20261128K7M2QD. */
export function newTrackingNumber(filedAt: Date): string {
  let suffix = ''
  for (let i = 0; i < 6; i++) suffix += TRACKING_ALPHABET[randomInt(TRACKING_ALPHABET.length)]
  return `TS${chinaToday(filedAt).replace(/-/g, '')}${suffix}`
}

/**
 * The reporter's secret, derived from the filing's Idempotency-Key rather than stored: a retry after a lost response
 * gets the same secret back, and the database only ever holds its hash. 16 characters (80 bits) in groups of four.
 */
export function complaintSecret(serverSecret: string, idempotencyKey: string): string {
  const digest = createHmac('sha256', serverSecret).update(`complaint-secret:${idempotencyKey.toLowerCase()}`).digest()
  let chars = ''
  for (let i = 0; i < 16; i++) chars += SECRET_ALPHABET[digest[i] % 32]
  return chars.match(/.{4}/g)!.join('-')
}

/** Case, spaces and dashes do not matter when the reporter types the secret back. */
const normalise = (secret: string) => secret.toUpperCase().replace(/[^A-Z0-9]/g, '')

export function hashSecret(secret: string): string {
  return createHash('sha256').update(normalise(secret)).digest('hex')
}

export function secretMatches(given: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(given), 'hex')
  const b = Buffer.from(storedHash, 'hex')
  return a.length === b.length && timingSafeEqual(a, b)
}
