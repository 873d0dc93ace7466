import { http as mswHttp, HttpResponse } from 'msw'
import { server } from '../../mock/handlers/server'
import { configureAuth, http } from './http'

/** A protected endpoint that only accepts `Bearer <valid>`. */
function protectedEndpoint(valid: () => string) {
  const seen: Array<string | null> = []
  server.use(
    mswHttp.get('*/api/me', ({ request }) => {
      const header = request.headers.get('authorization')
      seen.push(header)
      return header === `Bearer ${valid()}` ? HttpResponse.json({ ok: true }) : HttpResponse.json({ statusCode: 401, error: 'Unauthorized', message: 'expired' }, { status: 401 })
    }),
  )
  return seen
}

const inAMinute = () => Date.now() + 60_000

describe('http layer with a session', () => {
  afterEach(() => configureAuth(null))

  it('refreshes once for parallel 401s and retries each request with the new token', async () => {
    let session = { accessToken: 'old', expiresAt: inAMinute() }
    const refresh = jest.fn(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20))
      session = { accessToken: 'new', expiresAt: inAMinute() }
      return 'new'
    })
    const onSignedOut = jest.fn()
    configureAuth({ getSession: () => session, refresh, onSignedOut })
    const seen = protectedEndpoint(() => 'new')

    const answers = await Promise.all([http.get('/me'), http.get('/me'), http.get('/me')])

    expect(answers.map((a) => a.data)).toEqual([{ ok: true }, { ok: true }, { ok: true }])
    expect(refresh).toHaveBeenCalledTimes(1)
    expect(seen.filter((h) => h === 'Bearer old')).toHaveLength(3)
    expect(seen.filter((h) => h === 'Bearer new')).toHaveLength(3)
    expect(onSignedOut).not.toHaveBeenCalled()
  })

  it('retries only once: a second 401 after refreshing is passed on', async () => {
    let session = { accessToken: 'old', expiresAt: inAMinute() }
    const refresh = jest.fn(async () => {
      session = { accessToken: 'new', expiresAt: inAMinute() }
      return 'new'
    })
    configureAuth({ getSession: () => session, refresh, onSignedOut: jest.fn() })
    const seen = protectedEndpoint(() => 'never')

    await expect(http.get('/me')).rejects.toMatchObject({ response: { status: 401 } })
    expect(refresh).toHaveBeenCalledTimes(1)
    expect(seen).toEqual(['Bearer old', 'Bearer new'])
  })

  it('signs out when the refresh is refused, and the request fails', async () => {
    const onSignedOut = jest.fn()
    configureAuth({ getSession: () => ({ accessToken: 'old', expiresAt: inAMinute() }), refresh: async () => null, onSignedOut })
    protectedEndpoint(() => 'new')

    await expect(Promise.all([http.get('/me'), http.get('/me')])).rejects.toMatchObject({ response: { status: 401 } })
    expect(onSignedOut).toHaveBeenCalledTimes(1)
  })

  it('keeps the session when the refresh could not reach the server', async () => {
    const onSignedOut = jest.fn()
    configureAuth({
      getSession: () => ({ accessToken: 'old', expiresAt: inAMinute() }),
      refresh: async () => {
        throw new Error('offline')
      },
      onSignedOut,
    })
    protectedEndpoint(() => 'new')

    await expect(http.get('/me')).rejects.toMatchObject({ response: { status: 401 } })
    expect(onSignedOut).not.toHaveBeenCalled()
  })

  it('refreshes before sending when the access token is about to expire', async () => {
    let session = { accessToken: 'old', expiresAt: Date.now() + 5_000 }
    const refresh = jest.fn(async () => {
      session = { accessToken: 'new', expiresAt: inAMinute() }
      return 'new'
    })
    configureAuth({ getSession: () => session, refresh, onSignedOut: jest.fn() })
    const seen = protectedEndpoint(() => 'new')

    await http.get('/me')
    expect(seen).toEqual(['Bearer new'])
  })

  it('sends no Authorization header when signed out and does not try to refresh', async () => {
    const refresh = jest.fn(async () => 'new')
    configureAuth({ getSession: () => null, refresh, onSignedOut: jest.fn() })
    const seen = protectedEndpoint(() => 'new')

    await expect(http.get('/me')).rejects.toMatchObject({ response: { status: 401 } })
    expect(seen).toEqual([null])
    expect(refresh).not.toHaveBeenCalled()
  })
})
