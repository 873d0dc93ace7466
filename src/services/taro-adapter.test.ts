import axios, { AxiosError } from 'axios'
import Taro from '@tarojs/taro'
import { taroAdapter } from './taro-adapter'

const request = Taro.request as unknown as jest.Mock

function client() {
  return axios.create({ baseURL: 'https://bff.example.cn/api', adapter: taroAdapter, paramsSerializer: { indexes: null } })
}

describe('taroAdapter (axios over Taro.request)', () => {
  it('sends the full URL with repeated params and headers, and lets axios parse the text body', async () => {
    request.mockImplementation((options: { success: (r: unknown) => void }) => {
      options.success({ statusCode: 200, data: '{"items":[],"total":0}', header: { 'content-type': 'application/json' } })
      return { abort: jest.fn() }
    })

    const response = await client().get('/institutions', { params: { serviceForm: ['hourly', 'temporary'], lat: 43.8 }, headers: { 'X-Trace': 'abc' } })

    expect(response.status).toBe(200)
    expect(response.data).toEqual({ items: [], total: 0 })
    const options = request.mock.calls[0][0]
    expect(options.url).toBe('https://bff.example.cn/api/institutions?serviceForm=hourly&serviceForm=temporary&lat=43.8')
    expect(options.method).toBe('GET')
    expect(options.dataType).toBe('text')
    expect(options.header['X-Trace']).toBe('abc')
  })

  describe('content type', () => {
    const answerNoContent = () =>
      request.mockImplementation((options: { success: (r: unknown) => void }) => {
        options.success({ statusCode: 204, data: '', header: {} })
        return { abort: jest.fn() }
      })
    const contentTypeOf = (header: Record<string, string>) => Object.entries(header).find(([name]) => name.toLowerCase() === 'content-type')?.[1]

    it.each([
      ['PUT', (api: ReturnType<typeof client>) => api.put('/me/favourites/1')],
      ['POST', (api: ReturnType<typeof client>) => api.post('/sign-ups/1/cancel')],
      ['DELETE', (api: ReturnType<typeof client>) => api.delete('/me/children/1')],
      ['DELETE with a declared type', (api: ReturnType<typeof client>) => api.delete('/me', { headers: { 'Content-Type': 'application/json' } })],
    ])('sends none on a %s without a body (axios declares x-www-form-urlencoded on writes)', async (_case, send) => {
      answerNoContent()
      await send(client())
      const options = request.mock.calls[0][0]
      expect(contentTypeOf(options.header)).toBeUndefined()
      expect(options.data).toBeUndefined()
    })

    it('sends a body as axios serialised it, with its type', async () => {
      answerNoContent()
      await client().post('/me/children', { nickname: '豆豆', birthMonth: '2025-09' })
      await client().put('/search', new URLSearchParams({ q: '托育', page: '2' }))
      const [json, form] = request.mock.calls.map((call) => call[0])
      expect(json.data).toBe('{"nickname":"豆豆","birthMonth":"2025-09"}')
      expect(contentTypeOf(json.header)).toBe('application/json')
      expect(form.data).toBe('q=%E6%89%98%E8%82%B2&page=2')
      expect(contentTypeOf(form.header)).toMatch(/^application\/x-www-form-urlencoded/)
    })
  })

  it('rejects a 4xx answer with the API error body attached', async () => {
    request.mockImplementation((options: { success: (r: unknown) => void }) => {
      options.success({ statusCode: 400, data: '{"statusCode":400,"error":"Bad Request","message":"bad q","field":"q"}', header: {} })
    })

    const error = (await client()
      .get('/institutions')
      .catch((e: unknown) => e)) as AxiosError<{ field: string }>

    expect(error).toBeInstanceOf(AxiosError)
    expect(error.code).toBe(AxiosError.ERR_BAD_REQUEST)
    expect(error.response?.status).toBe(400)
    expect(error.response?.data.field).toBe('q')
  })

  it('maps a Taro.request fail to ERR_NETWORK, leaving no rejected promise behind', async () => {
    // As the real Taro.request does: it calls `fail`, and the promise it returns rejects too.
    request.mockImplementation((options: { fail: (e: unknown) => void }) => {
      const failure = { errMsg: 'request:fail url not in domain list' }
      options.fail(failure)
      return Object.assign(Promise.reject(failure), { abort: jest.fn() })
    })
    const unhandled: unknown[] = []
    const onUnhandled = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', onUnhandled)

    const error = (await client()
      .get('/regions')
      .catch((e: unknown) => e)) as AxiosError

    expect(error.code).toBe(AxiosError.ERR_NETWORK)
    expect(error.message).toContain('url not in domain list')
    expect(error.response).toBeUndefined()
    await new Promise((resolve) => setTimeout(resolve, 10))
    process.off('unhandledRejection', onUnhandled)
    expect(unhandled).toEqual([])
  })
})
