/**
 * H5: what index.html's inline script (src/pages/index/early-search.ts, built into the page by config/h5-chunks.ts)
 * hands the app: the device's position and the home page's first search, started while the app's scripts download.
 * The app takes each over once (services/early-answers.h5.ts, features/location/device-location.ts).
 */
export type EarlyPosition = { lat: number; lng: number }
/** An answer as it came (the body as text: axios parses it, as it does its own). */
export type EarlyResponse = { status: number; headers: Record<string, string>; body: string }

export type EarlyRequests = {
  /** GCJ-02; null when the script did not locate (permission not granted yet) or could not. Taken once. */
  position: Promise<EarlyPosition | null> | null
  /** By the URL the app's http client would write for the same request. Each taken once. */
  answers: Record<string, Promise<EarlyResponse>>
  /** performance.now() when the script ran. */
  startedAt: number
}

declare global {
  interface Window {
    __earlyRequests?: EarlyRequests
  }
}

/** The API's base on H5 (services/http.ts: the BFF serves the app itself). */
export const H5_API_BASE = '/api'

type Param = string | number | boolean
/** As axios's buildURL encodes a name or value. */
const encode = (value: Param) => encodeURIComponent(value).replace(/%3A/gi, ':').replace(/%24/g, '$').replace(/%2C/gi, ',').replace(/%20/g, '+')

/**
 * The URL axios writes for `get(path, { params })` with services/http.ts's settings (arrays as repeated names), for the
 * params a search has (numbers, strings, booleans, arrays of them): early-answers.h5.test.ts holds the two equal.
 */
export function earlyRequestUrl(path: string, params: Record<string, Param | Param[] | undefined>): string {
  const query = Object.entries(params)
    .flatMap(([name, value]) => (value === undefined ? [] : ([] as Param[]).concat(value).map((one) => `${encode(name)}=${encode(one)}`)))
    .join('&')
  return `${H5_API_BASE}${path}${query ? `?${query}` : ''}`
}
