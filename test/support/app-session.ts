import { accountMock } from '../../mock/handlers/account'
import { server } from '../../mock/handlers/server'
import { useAuthStore } from '../../src/features/auth/store'
import { startApp } from '../../src/start'

/** A parent already signed in (tokens in the auth store, as after a sign-in), with the app's start-up wiring. */
export function signedInParent(options: Parameters<typeof accountMock.signUp>[0] = {}) {
  const { user, tokens } = accountMock.signUp(options)
  const { isNewUser: _new, ...session } = tokens
  useAuthStore.setState({ session })
  startApp()
  return { user, tokens }
}

export type SeenRequest = { method: string; path: string; body: unknown; authorization: string | null }

/** Every /api request the app makes, in order, with its JSON body. */
export function recordRequests(): SeenRequest[] {
  const seen: SeenRequest[] = []
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url)
    const entry: SeenRequest = { method: request.method, path: url.pathname.replace(/^\/api/, ''), body: undefined, authorization: request.headers.get('authorization') }
    seen.push(entry)
    if (request.method !== 'GET' && request.method !== 'DELETE') {
      void request
        .clone()
        .text()
        .then((text) => {
          entry.body = text ? JSON.parse(text) : undefined
        })
        .catch(() => undefined)
    }
  })
  return seen
}
