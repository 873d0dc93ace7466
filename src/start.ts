import { startAuth } from './features/auth/start'
import { startFavouritesSync } from './features/favourites/sync'
import { startNotices } from './features/notices/start'
import { startServerData } from './services/server-data'
import { startWechatPrivacy } from './services/wechat-privacy'

/**
 * Wires everything that reacts to the session, then restores it. Run once at launch (app.ts); tests call it too.
 * This is the one way a feature learns of sign-in and sign-out: a start function here that subscribes to
 * services/session.ts (stores never subscribe on import).
 */
export function startApp(): void {
  startWechatPrivacy()
  startServerData()
  startFavouritesSync()
  startNotices()
  startAuth()
}
