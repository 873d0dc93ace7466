import { sessionFixture } from '../../mock/fixtures/app/account'
import { server } from '../../mock/handlers/server'
import { useAuthStore } from '../../src/features/auth/store'
import { startApp } from '../../src/start'

/** A parent already signed in (tokens in the auth store, as after a sign-in), with the app's start-up wiring. */
export function signedInParent() {
  const { isNewUser: _new, ...session } = sessionFixture()
  useAuthStore.setState({ session })
  startApp()
  return session
}

export type SeenRequest = {
  method: string
  path: string
  query: URLSearchParams
  body: unknown
  authorization: string | null
  headers: Headers
  answered: boolean
}

/** Every /api request the app makes, in order, with its query and JSON body, and whether its answer has come back. */
export function recordRequests(): SeenRequest[] {
  const seen: SeenRequest[] = []
  const byId = new Map<string, SeenRequest>()
  server.events.on('response:mocked', ({ requestId }) => {
    const entry = byId.get(requestId)
    if (entry) entry.answered = true
  })
  server.events.on('request:start', ({ request, requestId }) => {
    const url = new URL(request.url)
    const entry: SeenRequest = {
      method: request.method,
      path: url.pathname.replace(/^\/api/, ''),
      query: url.searchParams,
      body: undefined,
      authorization: request.headers.get('authorization'),
      headers: request.headers,
      answered: false,
    }
    seen.push(entry)
    byId.set(requestId, entry)
    if (request.method !== 'GET' && request.method !== 'DELETE') {
      void request
        .clone()
        .text()
        .then((text) => {
          try {
            entry.body = text ? JSON.parse(text) : undefined
          } catch {
            entry.body = text
          }
        })
        .catch(() => undefined)
    }
  })
  return seen
}

/** The queries the app sent to one list endpoint, in order. */
export function recordQueries(path: string): URLSearchParams[] {
  const queries: URLSearchParams[] = []
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url)
    if (url.pathname === `/api${path}`) queries.push(url.searchParams)
  })
  return queries
}
