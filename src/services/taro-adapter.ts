import Taro from '@tarojs/taro'
import axios, { AxiosError, AxiosHeaders, CanceledError, type AxiosAdapter, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios'

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'OPTIONS' | 'HEAD' | 'TRACE' | 'CONNECT'

/** What axios's transformRequest made of the data: a JSON or form string, an ArrayBuffer, or nothing. */
function hasBody(config: InternalAxiosRequestConfig): boolean {
  return config.data !== undefined && config.data !== null && config.data !== ''
}

/**
 * The headers to send. Without a body no content type goes out: axios declares x-www-form-urlencoded on every write
 * without data, and a declared type with nothing behind it is refused by servers (Fastify: 415, or 400 for JSON).
 */
function plainHeaders(config: InternalAxiosRequestConfig): Record<string, string> {
  const source = AxiosHeaders.from(config.headers)
  if (!hasBody(config)) source.delete('content-type')
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(source.toJSON())) {
    if (value !== undefined && value !== null) headers[name] = String(value)
  }
  return headers
}

/**
 * axios adapter for the mini-program: runs the request through `Taro.request`.
 * The body comes back as text (`dataType: 'text'`) so axios's own transformResponse parses it,
 * exactly as in the browser; a `fail` (no network, DNS, domain not whitelisted) becomes ERR_NETWORK.
 */
export const taroAdapter: AxiosAdapter = (config) =>
  new Promise<AxiosResponse>((resolve, reject) => {
    if (config.signal?.aborted) {
      reject(new CanceledError(undefined, undefined, config))
      return
    }
    // Declared first: a stubbed or cached Taro.request may call back before it returns.
    let task: Taro.RequestTask<unknown> | undefined = undefined
    task = Taro.request({
      url: axios.getUri(config),
      method: (config.method ?? 'get').toUpperCase() as Method,
      data: hasBody(config) ? config.data : undefined,
      header: plainHeaders(config),
      dataType: 'text',
      responseType: 'text',
      timeout: config.timeout || undefined,
      success: (result) => {
        const response: AxiosResponse = {
          data: result.data,
          status: result.statusCode,
          statusText: String(result.statusCode),
          headers: AxiosHeaders.from(result.header as Record<string, string>),
          config,
          request: task,
        }
        const validate = config.validateStatus
        if (!validate || validate(response.status)) {
          resolve(response)
          return
        }
        const code = response.status >= 500 ? AxiosError.ERR_BAD_RESPONSE : AxiosError.ERR_BAD_REQUEST
        reject(new AxiosError(`Request failed with status code ${response.status}`, code, config, task, response))
      },
      fail: (error) => {
        reject(new AxiosError(error.errMsg || 'Network Error', AxiosError.ERR_NETWORK, config, task))
      },
    })
    // Taro.request also returns a promise, which rejects on `fail` after our callback has answered: settle it here, or
    // every failed request (offline, domain not allowed) would leave an unhandled rejection.
    void (task as unknown as Promise<unknown> | undefined)?.catch?.(() => undefined)
    config.signal?.addEventListener?.('abort', () => {
      task?.abort?.()
      reject(new CanceledError(undefined, undefined, config))
    })
  })
