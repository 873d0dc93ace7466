import { firstSearchQuery } from '../../features/institutions/filters'
import { BROWSER_POSITION_OPTIONS } from '../../features/location/browser-position'
import { earlyRequestUrl, type EarlyPosition, type EarlyRequests, type EarlyResponse } from '../../services/early-requests'
import { wgs84ToGcj02 } from '../../utils/gcj02'

/**
 * Runs inline in index.html (H5 only; config/h5-chunks.ts bundles it into the page), long before the app's scripts
 * have arrived: when the browser already allows location (so nothing prompts before the app does), it locates and
 * sends the home list's first search, which the app then takes over (services/early-answers.h5.ts) instead of
 * sending it again once it has rendered. Elsewhere, or without the permission, it does nothing and the app works as
 * always. Keep it small: it is in every page load.
 */
function onHomePage(): boolean {
  const route = location.hash.replace(/^#\/?/, '').split('?')[0]
  return route === '' || route === 'pages/index/index'
}

function locate(): Promise<EarlyPosition> {
  return new Promise((resolve, reject) =>
    navigator.geolocation.getCurrentPosition((found) => resolve(wgs84ToGcj02(found.coords.latitude, found.coords.longitude)), reject, BROWSER_POSITION_OPTIONS),
  )
}

function fetchAnswer(url: string): Promise<EarlyResponse> {
  return fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' }).then((response) =>
    response.text().then((body) => {
      const headers: Record<string, string> = {}
      response.headers.forEach((value, name) => {
        headers[name] = value
      })
      return { status: response.status, headers, body }
    }),
  )
}

function start(): void {
  if (!onHomePage() || !navigator.permissions || !navigator.geolocation || typeof fetch !== 'function') return
  const early: EarlyRequests = { position: null, answers: {}, startedAt: performance.now() }
  window.__earlyRequests = early
  early.position = navigator.permissions
    .query({ name: 'geolocation' })
    .then((permission) => {
      if (permission.state !== 'granted') return null
      return locate().then((origin) => {
        // Registered before the app hears of the position (its callbacks run after this one): its first search finds it.
        const url = earlyRequestUrl('/institutions', firstSearchQuery({ kind: 'device', ...origin }))
        const answer = fetchAnswer(url)
        answer.catch(() => undefined)
        early.answers[url] = answer
        return origin
      })
    })
    // No position here (not allowed yet, no fix): the app locates as usual.
    .catch(() => null)
}

start()
