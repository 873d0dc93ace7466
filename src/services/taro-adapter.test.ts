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

  it('rejects a 4xx answer with the API error body attached', async () => {
    request.mockImplementation((options: { success: (r: unknown) => void }) => {
      options.success({ statusCode: 400, data: '{"statusCode":400,"error":"Bad Request","message":"bad q","field":"q"}', header: {} })
    })

    const error = (await client().get('/institutions').catch((e: unknown) => e)) as AxiosError<{ field: string }>

    expect(error).toBeInstanceOf(AxiosError)
    expect(error.code).toBe(AxiosError.ERR_BAD_REQUEST)
    expect(error.response?.status).toBe(400)
    expect(error.response?.data.field).toBe('q')
  })

  it('maps a Taro.request fail to ERR_NETWORK', async () => {
    request.mockImplementation((options: { fail: (e: unknown) => void }) => {
      options.fail({ errMsg: 'request:fail url not in domain list' })
    })

    const error = (await client().get('/regions').catch((e: unknown) => e)) as AxiosError

    expect(error.code).toBe(AxiosError.ERR_NETWORK)
    expect(error.message).toContain('url not in domain list')
    expect(error.response).toBeUndefined()
  })
})
