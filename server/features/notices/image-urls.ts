import { signedQuery, verifySignature } from '../../shared/images/signed-urls'

const PURPOSE = 'notice-image'

/** Notice images go out through short-lived signed links, like complaint photos. */
export function signNoticeImageUrl(secret: string, imageId: string, now = Date.now(), ttlSeconds?: number): string {
  return `/api/notices/images/${imageId}?${signedQuery(secret, PURPOSE, imageId, now, ttlSeconds)}`
}

export function verifyNoticeImageSignature(secret: string, imageId: string, expires: number, sig: string, now = Date.now()): boolean {
  return verifySignature(secret, PURPOSE, imageId, expires, sig, now)
}
