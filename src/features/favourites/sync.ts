import { onSessionChange } from '../../services/session'
import { useFavouritesStore } from './store'

let stop: (() => void) | null = null

/**
 * Keeps the favourites saved on this device in step with the account: merge at sign-in (and when a saved
 * session is restored), forget the account's list on this device at sign-out or deletion. Called once from app.ts.
 */
export function startFavouritesSync(): () => void {
  if (stop) return stop
  const unsubscribe = onSessionChange((event) => {
    const store = useFavouritesStore.getState()
    if (event.type === 'signedIn') {
      // Offline or refused: the favourites on this device stay as they are, and the next sign-in merges again.
      store.mergeWithAccount().catch(() => undefined)
    } else if (event.reason !== 'expired') {
      store.clear()
    }
  })
  stop = () => {
    unsubscribe()
    stop = null
  }
  return stop
}
