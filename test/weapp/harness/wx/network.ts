import fs from 'node:fs'
import path from 'node:path'
import { asyncApi, fail, type ApiHost, type Options } from './api'

/** wx.request's methods (WeChat's documentation): there is no PATCH. */
export const REQUEST_METHODS = ['OPTIONS', 'GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'TRACE', 'CONNECT']

export interface SentRequest {
  method: string
  url: string
  /** The header object the app passed, before WeChat added its own defaults. */
  appHeader: Record<string, string>
  hasBody: boolean
  status?: number
}

export interface NetworkOptions {
  /** The request/uploadFile domains of the mini-program's settings (https origins), each mapped to the real server. */
  domains: Record<string, string>
  /** The app id and version WeChat puts in the Referer. */
  appId: string
  /** Temp files the app may upload (from chooseImage/chooseMedia): path → file on disk. */
  tempFiles: Map<string, string>
}

const headerValue = (header: Record<string, string>, name: string) => Object.entries(header).find(([key]) => key.toLowerCase() === name)?.[1]

function serverUrl(options: NetworkOptions, url: string): string | null {
  const origin = Object.keys(options.domains).find((domain) => url === domain || url.startsWith(`${domain}/`) || url.startsWith(`${domain}?`))
  return origin ? `${options.domains[origin]}${url.slice(origin.length)}` : null
}

function queryString(data: Record<string, unknown>): string {
  return Object.entries(data)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
    .join('&')
}

function plainHeader(value: unknown): Record<string, string> {
  const header: Record<string, string> = {}
  if (value && typeof value === 'object') for (const [key, v] of Object.entries(value)) if (v !== undefined && v !== null) header[key] = String(v)
  return header
}

/** wx.request and wx.uploadFile over real HTTP to the real BFF, with WeChat's rules for methods, headers and bodies. */
export function networkApis(host: ApiHost, options: NetworkOptions, log: SentRequest[]) {
  const referer = `https://servicewechat.com/${options.appId}/0/page-frame.html`

  const request = (callOptions: Options = {}) => {
    const controller = new AbortController()
    const run = asyncApi(host, 'request', async (o) => {
      const method = String(o.method ?? 'GET').toUpperCase()
      if (!REQUEST_METHODS.includes(method))
        throw fail('request', `parameter error: parameter.method should be one of ${REQUEST_METHODS.join(', ')}, got ${method}`)
      const url = String(o.url ?? '')
      const target = serverUrl(options, url)
      if (!target) throw fail('request', `url not in domain list: ${url}`)
      const appHeader = plainHeader(o.header)
      const header: Record<string, string> = { ...appHeader }
      // WeChat's default when the app gives none, also when there is no body.
      if (!headerValue(header, 'content-type')) header['content-type'] = 'application/json'
      delete header.Referer
      delete header.referer
      header.referer = referer
      // One phone per test: no socket outlives it.
      header.connection = 'close'
      let finalUrl = target
      let body: string | ArrayBuffer | undefined
      const data = o.data
      if (method === 'GET' || method === 'HEAD') {
        if (data && typeof data === 'object') finalUrl += (finalUrl.includes('?') ? '&' : '?') + queryString(data as Record<string, unknown>)
        else if (typeof data === 'string' && data) finalUrl += (finalUrl.includes('?') ? '&' : '?') + data
      } else if (typeof data === 'string') {
        body = data
      } else if (Object.prototype.toString.call(data) === '[object ArrayBuffer]') {
        body = new Uint8Array(data as ArrayBuffer).slice().buffer
      } else if (data && typeof data === 'object') {
        body = /x-www-form-urlencoded/i.test(headerValue(header, 'content-type') ?? '') ? queryString(data as Record<string, unknown>) : JSON.stringify(data)
      }
      const size = body === undefined ? 0 : typeof body === 'string' ? body.length : body.byteLength
      const entry: SentRequest = { method, url, appHeader, hasBody: size > 0 }
      log.push(entry)
      let response: Response
      try {
        response = await fetch(finalUrl, {
          method,
          headers: header,
          body: size > 0 ? body : undefined,
          signal: AbortSignal.any([controller.signal, AbortSignal.timeout(Number(o.timeout ?? 60000))]),
        })
      } catch (error) {
        throw fail('request', controller.signal.aborted ? 'abort' : `${(error as Error).message}`)
      }
      entry.status = response.status
      const text = await response.text()
      let result: unknown = text
      if ((o.dataType ?? 'json') === 'json') {
        try {
          result = JSON.parse(text)
        } catch {
          // WeChat leaves a body that is not JSON as text
        }
      }
      return { data: result, statusCode: response.status, header: Object.fromEntries(response.headers.entries()), cookies: [] }
    })
    run(callOptions)
    return { abort: () => controller.abort(), onHeadersReceived: () => {}, offHeadersReceived: () => {}, onChunkReceived: () => {}, offChunkReceived: () => {} }
  }

  const uploadFile = (callOptions: Options = {}) => {
    const progress: ((update: unknown) => void)[] = []
    asyncApi(host, 'uploadFile', async (o) => {
      const url = String(o.url ?? '')
      const target = serverUrl(options, url)
      if (!target) throw fail('uploadFile', `url not in domain list: ${url}`)
      const file = options.tempFiles.get(String(o.filePath))
      if (!file) throw fail('uploadFile', `file not found: ${String(o.filePath)}`)
      const form = new FormData()
      for (const [key, value] of Object.entries((o.formData as Record<string, unknown>) ?? {})) form.append(key, String(value))
      form.append(String(o.name), new Blob([fs.readFileSync(file)], { type: mimeOf(file) }), path.basename(String(o.filePath)))
      const header = plainHeader(o.header)
      delete header['content-type']
      delete header['Content-Type']
      log.push({ method: 'POST', url, appHeader: plainHeader(o.header), hasBody: true })
      const response = await fetch(target, { method: 'POST', headers: { ...header, referer, connection: 'close' }, body: form }).catch((error: Error) => {
        throw fail('uploadFile', error.message)
      })
      log[log.length - 1].status = response.status
      progress.forEach((listener) => listener(host.toApp({ progress: 100, totalBytesSent: 1, totalBytesExpectedToSend: 1 })))
      // uploadFile always answers the body as a string.
      return { data: await response.text(), statusCode: response.status }
    })(callOptions)
    return { onProgressUpdate: (listener: (update: unknown) => void) => progress.push(listener), offProgressUpdate: () => {}, abort: () => {} }
  }

  return { request, uploadFile }
}

function mimeOf(file: string): string {
  const ext = path.extname(file).toLowerCase()
  return ext === '.png' ? 'image/png' : ext === '.webp' ? 'image/webp' : 'image/jpeg'
}
