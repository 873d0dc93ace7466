import { createHash } from 'node:crypto'

export interface CachedAnswer<T> {
  value: T
  etag: string
  expiresAt: number
}

/**
 * Keeps one computed answer for `seconds`; requests that arrive while it is being computed wait for that same
 * computation instead of starting their own. A failed computation is not kept.
 */
export function cachedAnswer<T>(compute: () => Promise<T>, seconds: number, clock: () => number = Date.now) {
  let current: CachedAnswer<T> | null = null
  let pending: Promise<CachedAnswer<T>> | null = null
  return async function get(): Promise<CachedAnswer<T>> {
    if (current && clock() < current.expiresAt) return current
    pending ??= compute()
      .then((value) => {
        current = {
          value,
          etag: `"${createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 27)}"`,
          expiresAt: clock() + seconds * 1000,
        }
        return current
      })
      .finally(() => {
        pending = null
      })
    return pending
  }
}

/** If-None-Match lists one or more tags (weak or strong), or *. */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag)
}
