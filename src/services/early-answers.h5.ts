import { AxiosHeaders, getAdapter, type AxiosAdapter, type AxiosInstance, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios'
import type { EarlyPosition, EarlyResponse } from './early-requests'

/** An early answer older than this is not used: the app asks again. */
const MAX_AGE_MS = 60_000

/** The position index.html's script found, once; null when there is none (the app locates as usual). */
export function takeEarlyPosition(): Promise<EarlyPosition | null> {
  const early = typeof window === 'undefined' ? undefined : window.__earlyRequests
  const position = early?.position
  if (!early || !position) return Promise.resolve(null)
  early.position = null
  return position.catch(() => null)
}

function toAxiosResponse(answer: EarlyResponse, config: InternalAxiosRequestConfig): AxiosResponse {
  return { data: answer.body, status: answer.status, statusText: String(answer.status), headers: AxiosHeaders.from(answer.headers), config, request: null }
}

/**
 * The request index.html's script already sent for this URL, once, instead of sending it again. Only a plain GET
 * without a session: an answer fetched signed out never stands for a signed-in parent. An error answer, or none
 * (offline), and the request goes out as usual.
 */
function takeEarlyAnswer(client: AxiosInstance, config: InternalAxiosRequestConfig): InternalAxiosRequestConfig {
  const early = typeof window === 'undefined' ? undefined : window.__earlyRequests
  if (!early || (config.method ?? 'get').toLowerCase() !== 'get' || AxiosHeaders.from(config.headers).has('Authorization')) return config
  const url = client.getUri(config)
  const answer = early.answers[url]
  if (!answer) return config
  delete early.answers[url]
  if (performance.now() - early.startedAt > MAX_AGE_MS) return config
  const usual = getAdapter(config.adapter ?? ['xhr', 'fetch'])
  const adapter: AxiosAdapter = (sent) =>
    answer.then(
      (response) => (response.status >= 200 && response.status < 300 ? toAxiosResponse(response, sent) : usual(sent)),
      () => usual(sent),
    )
  config.adapter = adapter
  return config
}

/** Registered before the auth interceptor, so it runs after it (axios runs request interceptors last-first) and sees the token. */
export function takeOverEarlyAnswers(client: AxiosInstance): void {
  client.interceptors.request.use((config) => takeEarlyAnswer(client, config))
}
