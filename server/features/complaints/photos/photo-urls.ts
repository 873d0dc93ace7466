import { signedQuery, verifySignature } from '../../../shared/images/signed-urls'

const PURPOSE = 'complaint-photo'

/** Photos are private: a complaint view hands out short-lived signed links instead of public URLs. */
export function signPhotoUrl(secret: string, photoId: string, now = Date.now(), ttlSeconds?: number): string {
  return `/api/complaints/photos/${photoId}?${signedQuery(secret, PURPOSE, photoId, now, ttlSeconds)}`
}

export function verifyPhotoSignature(secret: string, photoId: string, expires: number, sig: string, now = Date.now()): boolean {
  return verifySignature(secret, PURPOSE, photoId, expires, sig, now)
}
