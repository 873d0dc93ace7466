import { startAuth } from './features/auth/start'
import { startFavouritesSync } from './features/favourites/sync'
import { startNotices } from './features/notices/start'
import { startWechatPrivacy } from './services/wechat-privacy'

/** Wires the features that react to the session, then restores it. Run once at launch (app.ts); tests call it too. */
export function startApp(): void {
  startWechatPrivacy()
  startFavouritesSync()
  startNotices()
  startAuth()
}
