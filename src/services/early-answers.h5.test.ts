import axios, { type AxiosAdapter } from 'axios'
import { firstSearchQuery } from '../features/institutions/filters'
import { takeEarlyPosition, takeOverEarlyAnswers } from './early-answers.h5'
import { earlyRequestUrl, type EarlyResponse } from './early-requests'
import { http } from './http'

const answer = (status: number, body: unknown): EarlyResponse => ({ status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

function client() {
  const sent = jest.fn<ReturnType<AxiosAdapter>, Parameters<AxiosAdapter>>(async (config) => ({
    data: '{"from":"network"}',
    status: 200,
    statusText: 'OK',
    headers: {},
    config,
  }))
  const instance = axios.create({ baseURL: '/api', paramsSerializer: { indexes: null }, adapter: sent })
  takeOverEarlyAnswers(instance)
  return { instance, sent }
}

const search = firstSearchQuery({ kind: 'device', lat: 43.88240976404561, lng: 125.32650671713314 })
const url = earlyRequestUrl('/institutions', search)

function startEarly(answers: Record<string, Promise<EarlyResponse>>, position: { lat: number; lng: number } | null = null) {
  window.__earlyRequests = { position: Promise.resolve(position), answers, startedAt: performance.now() }
}

afterEach(() => {
  delete window.__earlyRequests
})

describe('index.html’s early first search (H5)', () => {
  it('writes the URL the app’s http client writes for the same search', () => {
    expect(url).toBe(http.getUri({ url: '/institutions', params: search }))
    const busy = { ...search, q: '长春 朝阳区: a,b $1', serviceForm: ['hourly', 'temporary'], inclusive: true }
    expect(earlyRequestUrl('/institutions', busy)).toBe(http.getUri({ url: '/institutions', params: busy }))
  })

  it('answers the app’s first search from the early request, once', async () => {
    startEarly({ [url]: Promise.resolve(answer(200, { items: [], total: 0 })) })
    const { instance, sent } = client()

    expect((await instance.get('/institutions', { params: search })).data).toEqual({ items: [], total: 0 })
    expect(sent).not.toHaveBeenCalled()
    expect((await instance.get('/institutions', { params: search })).data).toEqual({ from: 'network' })
    expect(sent).toHaveBeenCalledTimes(1)
  })

  it('asks the network for another URL, for a signed-in request, and when the early one failed', async () => {
    startEarly({ [url]: Promise.resolve(answer(200, { early: true })) })
    const { instance, sent } = client()
    await instance.get('/institutions', { params: { ...search, q: '幼' } })
    await instance.get('/institutions', { params: search, headers: { Authorization: 'Bearer abc' } })
    expect(sent).toHaveBeenCalledTimes(2)

    startEarly({ [url]: Promise.resolve(answer(503, { code: 'service_unavailable' })) })
    expect((await instance.get('/institutions', { params: search })).data).toEqual({ from: 'network' })
    startEarly({ [url]: Promise.reject(new TypeError('Failed to fetch')) })
    expect((await instance.get('/institutions', { params: search })).data).toEqual({ from: 'network' })
    expect(sent).toHaveBeenCalledTimes(4)
  })

  it('hands over the early position once', async () => {
    startEarly({}, { lat: 43.9, lng: 125.3 })
    expect(await takeEarlyPosition()).toEqual({ lat: 43.9, lng: 125.3 })
    expect(await takeEarlyPosition()).toBeNull()
  })
})
