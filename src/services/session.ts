/**
 * The moments a session starts and ends, for features that keep account data in step
 * (favourites merge at sign-in, the 我的 data is dropped at sign-out) without importing the auth feature.
 */
export type SessionEndReason = 'signOut' | 'expired' | 'deleted'
export type SessionEvent = { type: 'signedIn'; restored: boolean } | { type: 'signedOut'; reason: SessionEndReason }
type Listener = (event: SessionEvent) => void

const listeners = new Set<Listener>()

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

export function emitSessionChange(event: SessionEvent): void {
  listeners.forEach((listener) => listener(event))
}
