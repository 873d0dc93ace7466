import { createHmac, timingSafeEqual } from 'node:crypto'

export const DEFAULT_IMAGE_LINK_TTL_SECONDS = 15 * 60

/** What a signed link is for ("complaint-photo", "notice-image"): a signature for one kind never opens another. */
const signatureOf = (secret: string, purpose: string, id: string, expires: number) =>
  createHmac('sha256', secret).update(`${purpose}:${id}:${expires}`).digest('base64url')

/** `?expires=…&sig=…` for a short-lived link to a private image. */
export function signedQuery(secret: string, purpose: string, id: string, now = Date.now(), ttlSeconds = DEFAULT_IMAGE_LINK_TTL_SECONDS): string {
  const expires = Math.floor(now / 1000) + ttlSeconds
  return `expires=${expires}&sig=${signatureOf(secret, purpose, id, expires)}`
}

export function verifySignature(secret: string, purpose: string, id: string, expires: number, sig: string, now = Date.now()): boolean {
  if (!Number.isInteger(expires) || expires < Math.floor(now / 1000)) return false
  const expected = Buffer.from(signatureOf(secret, purpose, id, expires))
  const given = Buffer.from(sig)
  return expected.length === given.length && timingSafeEqual(expected, given)
}
