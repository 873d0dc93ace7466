import { createHmac, timingSafeEqual } from 'node:crypto'

const DEFAULT_TTL_SECONDS = 15 * 60

const signatureOf = (secret: string, photoId: string, expires: number) =>
  createHmac('sha256', secret).update(`complaint-photo:${photoId}:${expires}`).digest('base64url')

/** Photos are private: a complaint view hands out short-lived signed links instead of public URLs. */
export function signPhotoUrl(secret: string, photoId: string, now = Date.now(), ttlSeconds = DEFAULT_TTL_SECONDS): string {
  const expires = Math.floor(now / 1000) + ttlSeconds
  return `/api/complaints/photos/${photoId}?expires=${expires}&sig=${signatureOf(secret, photoId, expires)}`
}

export function verifyPhotoSignature(secret: string, photoId: string, expires: number, sig: string, now = Date.now()): boolean {
  if (!Number.isInteger(expires) || expires < Math.floor(now / 1000)) return false
  const expected = Buffer.from(signatureOf(secret, photoId, expires))
  const given = Buffer.from(sig)
  return expected.length === given.length && timingSafeEqual(expected, given)
}
