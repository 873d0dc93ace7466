import { signedQuery, verifySignature } from '../../shared/images/signed-urls'

const PURPOSE = 'notice-image'

/** Notice images go out through short-lived signed links, like complaint photos. */
export function signNoticeImageUrl(secret: string, imageId: string, now = Date.now(), ttlSeconds?: number): string {
  return `/api/notices/images/${imageId}?${signedQuery(secret, PURPOSE, imageId, now, ttlSeconds)}`
}

const CHECK_PURPOSE = 'notice-image-check'
/** WeChat may fetch an image some minutes after it was asked to check it. */
export const CHECK_LINK_TTL_SECONDS = 2 * 3600

/** The link WeChat's image check fetches the image from (mediaCheckAsync's media_url), before any notice shows it. */
export function signNoticeImageCheckUrl(secret: string, imageId: string, now = Date.now()): string {
  return `/api/notices/images/${imageId}/wechat-check?${signedQuery(secret, CHECK_PURPOSE, imageId, now, CHECK_LINK_TTL_SECONDS)}`
}

export function verifyNoticeImageCheckSignature(secret: string, imageId: string, expires: number, sig: string, now = Date.now()): boolean {
  return verifySignature(secret, CHECK_PURPOSE, imageId, expires, sig, now)
}

export function verifyNoticeImageSignature(secret: string, imageId: string, expires: number, sig: string, now = Date.now()): boolean {
  return verifySignature(secret, PURPOSE, imageId, expires, sig, now)
}
