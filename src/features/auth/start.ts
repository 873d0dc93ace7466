import { configureAuth } from '../../services/http'
import { emitSessionChange } from '../../services/session'
import { useAuthStore } from './store'

/** Gives the http layer the token provider and refresh; announces a session restored from storage. Called once from app.ts. */
export function startAuth(): void {
  configureAuth({
    getSession: () => {
      const session = useAuthStore.getState().session
      return session ? { accessToken: session.accessToken, expiresAt: Date.parse(session.accessTokenExpiresAt) } : null
    },
    refresh: () => useAuthStore.getState().refresh(),
    onSignedOut: () => useAuthStore.getState().endSession('expired'),
  })
  if (useAuthStore.getState().session) emitSessionChange({ type: 'signedIn', restored: true })
}
