import { http as mswHttp, HttpResponse } from 'msw'
import { server } from '../../mock/handlers/server'
import { configureAuth, describeActionError, describeError, errorCodeOf, http, retryAfterSeconds } from './http'

/** A protected endpoint that only accepts `Bearer <valid>`. */
function protectedEndpoint(valid: () => string) {
  const seen: Array<string | null> = []
  server.use(
    mswHttp.get('*/api/me', ({ request }) => {
      const header = request.headers.get('authorization')
      seen.push(header)
      return header === `Bearer ${valid()}`
        ? HttpResponse.json({ ok: true })
        : HttpResponse.json({ statusCode: 401, error: 'Unauthorized', message: 'expired' }, { status: 401 })
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

/** What the http layer threw for an answer of the BFF to GET /probe. */
async function failureOf(status: number, body: unknown, headers: Record<string, string> = {}) {
  server.use(mswHttp.get('*/api/probe', () => HttpResponse.json(body as never, { status, headers }), { once: true }))
  return http.get('/probe').then(
    () => {
      throw new Error('expected a failure')
    },
    (error: unknown) => error,
  )
}
const answer = (statusCode: number, code: string, message: string, extra: object = {}) => ({ statusCode, error: 'x', code, message, ...extra })

describe('errors: the app picks its sentence by the code, never by reading the message', () => {
  it('takes the BFF’s code, and derives one from the status of an answer without it', async () => {
    expect(errorCodeOf(await failureOf(409, answer(409, 'conflict', '该课堂已取消')))).toBe('conflict')
    expect(errorCodeOf(await failureOf(400, { message: 'bad', field: 'q' }))).toBe('validation')
    expect(errorCodeOf(await failureOf(400, 'not json'))).toBe('bad_request')
    expect(errorCodeOf(await failureOf(404, {}))).toBe('not_found')
    expect(errorCodeOf(await failureOf(502, '<html>bad gateway</html>'))).toBe('internal')
    expect(errorCodeOf(new Error('not an HTTP error'))).toBeUndefined()
  })

  it('shows the BFF’s Chinese sentence as it is when the code says it is written for people', async () => {
    expect(describeActionError(await failureOf(409, answer(409, 'conflict', '已过取消截止时间，席位已为您保留')))).toBe('已过取消截止时间，席位已为您保留')
    expect(describeActionError(await failureOf(401, answer(401, 'sign_in_rejected', '验证码错误，还可再试 4 次')))).toBe('验证码错误，还可再试 4 次')
    expect(describeActionError(await failureOf(403, answer(403, 'consent_required', '请先阅读并同意最新的政策'), { error: 'ConsentRequired' }))).toBe(
      '请先阅读并同意最新的政策',
    )
    expect(describeActionError(await failureOf(400, answer(400, 'invalid_value', '至少需要 5 个字', { field: 'title' })), { title: '标题' })).toBe(
      '标题：至少需要 5 个字',
    )
  })

  it('uses its own sentence for schema refusals, sessions, limits and outages', async () => {
    expect(describeActionError(await failureOf(400, answer(400, 'validation', '参数 title 最多 60 个字符', { field: 'title' })))).toBe('操作失败，请稍后再试')
    expect(describeActionError(await failureOf(400, answer(400, 'validation', '参数 title 最多 60 个字符', { field: 'title' })), { title: '标题' })).toBe(
      '标题填写有误，请检查后再试',
    )
    expect(describeActionError(await failureOf(400, answer(400, 'content_risky', '内容含有违规信息', { field: 'body' })), { body: '正文' })).toBe(
      '正文含有不宜发布的内容，请修改后再发布',
    )
    expect(describeActionError(await failureOf(401, answer(401, 'unauthorized', '登录已失效')))).toBe('登录已失效，请重新登录')
    expect(describeActionError(await failureOf(429, answer(429, 'rate_limited', '请求过于频繁'), { 'retry-after': '42' }))).toBe('请 42 秒后再试')
    expect(describeActionError(await failureOf(503, answer(503, 'database_unavailable', '数据库暂时不可用'), { 'retry-after': '5' }))).toBe(
      '服务暂时不可用，请稍后再试',
    )
    expect(describeActionError(await failureOf(400, answer(400, 'bad_request', '请求格式不正确')))).toBe('操作失败，请稍后再试')
    // Text from something other than the BFF (a proxy, an older BFF) is never shown.
    expect(describeActionError(await failureOf(400, { message: 'must match pattern "^1[3-9][0-9]{9}$"', field: 'phone' }))).toBe('操作失败，请稍后再试')
  })

  it('describes a failed load', async () => {
    expect(describeError(await failureOf(404, answer(404, 'not_found', '未找到机构')))).toBe('没有找到该机构，可能已注销备案')
    expect(describeError(await failureOf(400, answer(400, 'validation', '参数 lat 不能大于 90', { field: 'lat' })))).toBe('查询条件有误：参数 lat 不能大于 90')
    expect(describeError(await failureOf(503, answer(503, 'database_unavailable', '数据库暂时不可用'), { 'retry-after': '5' }))).toBe(
      '服务暂时不可用，请稍后再试',
    )
    expect(describeError(await failureOf(429, answer(429, 'rate_limited', '请求过于频繁'), { 'retry-after': '30' }))).toBe('请 30 秒后再试')
    expect(retryAfterSeconds(await failureOf(503, answer(503, 'database_unavailable', '数据库暂时不可用'), { 'retry-after': '5' }))).toBe(5)
  })
})
