import axios, { AxiosHeaders, isAxiosError, isCancel, type AxiosError, type InternalAxiosRequestConfig } from 'axios'
import type { ErrorCode, ErrorResponse } from '../../types/common'
import { t } from '../i18n'
import { takeOverEarlyAnswers } from './early-answers'
import { H5_API_BASE } from './early-requests'
import { taroAdapter } from './taro-adapter'

const isMiniProgram = process.env.TARO_ENV !== undefined && process.env.TARO_ENV !== 'h5'

/**
 * H5 is served by the BFF itself (same origin); the mini-program calls the BFF's public origin, which the build always
 * defines (config/weapp-settings.ts), so no address of a developer's machine can end up in a production bundle.
 */
export const apiBaseURL = isMiniProgram ? `${process.env.TARO_APP_API_BASE ?? ''}/api` : H5_API_BASE

/** The one HTTP client of the app. Arrays go out as `serviceForm=a&serviceForm=b`. */
export const http = axios.create({
  baseURL: apiBaseURL,
  timeout: 15000,
  headers: { Accept: 'application/json' },
  paramsSerializer: { indexes: null },
  ...(isMiniProgram ? { adapter: taroAdapter } : {}),
})

declare module 'axios' {
  interface AxiosRequestConfig {
    /** Sign-in, refresh and sign-out calls: no Authorization header, no refresh on 401. */
    skipAuth?: boolean
  }
}

/** What the auth feature hands the http layer at start-up; the layer never imports a feature. */
export type AuthHooks = {
  /** The current access token and when it expires (ms since epoch), or null when signed out. */
  getSession: () => { accessToken: string; expiresAt: number } | null
  /**
   * Exchanges the refresh token for new tokens and returns the new access token;
   * resolves null when the server refuses (the session is over); throws when the network failed.
   */
  refresh: () => Promise<string | null>
  /** Called once when a refresh was refused: drop the session. */
  onSignedOut: () => void
}

let auth: AuthHooks | null = null
let refreshing: Promise<string | null> | null = null
/** Refresh a little before the access token expires, so a request does not race the expiry. */
const EXPIRY_MARGIN_MS = 30_000

export function configureAuth(hooks: AuthHooks | null): void {
  auth = hooks
  refreshing = null
}

export function hasSession(): boolean {
  return auth?.getSession() != null
}

/** One refresh at a time: parallel callers share the same promise. Null means signed out (or offline). */
function refreshOnce(): Promise<string | null> {
  const hooks = auth
  if (!hooks) return Promise.resolve(null)
  if (!refreshing) {
    refreshing = hooks
      .refresh()
      .then(
        (token) => {
          if (!token) hooks.onSignedOut()
          return token
        },
        // No answer (offline): keep the session, this request simply fails.
        () => null,
      )
      .finally(() => {
        refreshing = null
      })
  }
  return refreshing
}

type AuthedConfig = InternalAxiosRequestConfig & { sentToken?: string; authRetried?: boolean }

function withToken(config: AuthedConfig, token: string): AuthedConfig {
  config.headers = AxiosHeaders.from(config.headers)
  config.headers.set('Authorization', `Bearer ${token}`)
  config.sentToken = token
  return config
}

// H5: the first search index.html's script started early is used instead of a second request (a no-op elsewhere).
takeOverEarlyAnswers(http)

http.interceptors.request.use(async (config: AuthedConfig) => {
  if (config.skipAuth || !auth) return config
  const session = auth.getSession()
  if (!session) return config
  if (session.expiresAt - Date.now() < EXPIRY_MARGIN_MS) {
    const token = await refreshOnce()
    return token ? withToken(config, token) : config
  }
  return withToken(config, session.accessToken)
})

http.interceptors.response.use(undefined, async (error: AxiosError) => {
  const config = error.config as AuthedConfig | undefined
  if (error.response?.status !== 401 || !config || config.skipAuth || config.authRetried || !config.sentToken || !auth) throw error
  // Another request may already have refreshed while this one was in flight: just use the new token.
  const current = auth.getSession()?.accessToken
  const token = current && current !== config.sentToken ? current : await refreshOnce()
  if (!token) throw error
  config.authRetried = true
  return http.request(withToken(config, token))
})

export function isCanceled(error: unknown): boolean {
  return isCancel(error)
}

/** The BFF's answer to a failed request, or undefined when none came (offline, timed out, not an HTTP error). */
function answerOf(error: unknown): (Partial<ErrorResponse> & { statusCode: number }) | undefined {
  if (!isAxiosError<ErrorResponse>(error) || !error.response) return undefined
  const data = error.response.data
  return { ...(data && typeof data === 'object' ? data : {}), statusCode: error.response.status }
}

/**
 * Why the request failed, as the BFF's machine-readable code. An answer without one (another server in the way, an
 * older BFF) gets the code its status stands for; a 400 naming a field counts as `validation`, so the app uses its own
 * words rather than text it cannot vouch for.
 */
export function errorCodeOf(error: unknown): ErrorCode | undefined {
  const answer = answerOf(error)
  if (!answer) return undefined
  if (answer.code) return answer.code
  const status = answer.statusCode
  if (status === 400) return answer.field ? 'validation' : 'bad_request'
  if (status === 401) return 'unauthorized'
  if (status === 403) return 'forbidden'
  if (status === 404) return 'not_found'
  if (status === 409) return 'conflict'
  if (status === 429) return 'rate_limited'
  return status >= 500 ? 'internal' : 'bad_request'
}

/** The input a failed request was refused for, as the BFF names it (`timeWindows`, `provider.cityCode`). */
export function errorFieldOf(error: unknown): string | undefined {
  return answerOf(error)?.field
}

/** Codes whose `message` the BFF writes for people: the app shows it as it is. */
const SAID_FOR_PEOPLE: readonly ErrorCode[] = ['invalid_value', 'sign_in_rejected', 'forbidden', 'consent_required', 'not_found', 'conflict']

/** The BFF's Chinese sentence when its code says it is written for people, else undefined. */
export function messageForPeople(error: unknown): string | undefined {
  const code = errorCodeOf(error)
  return code && SAID_FOR_PEOPLE.includes(code) ? answerOf(error)?.message || undefined : undefined
}

/** A sentence a parent can act on, from whatever a load threw. */
export function describeError(error: unknown): string {
  if (!isAxiosError<ErrorResponse>(error)) return t('errors.generic')
  const code = errorCodeOf(error)
  if (!code) return t('errors.network')
  if (code === 'not_found') return t('errors.notFound')
  if (code === 'rate_limited') return t('errors.tooMany', { seconds: retryAfterSeconds(error) })
  const status = error.response?.status ?? 500
  const message = error.response?.data?.message
  if (status < 500 && message) return t('errors.badRequest', { message })
  return t('errors.server')
}

export function statusOf(error: unknown): number | undefined {
  return isAxiosError(error) ? error.response?.status : undefined
}

/** Seconds from the `retry-after` header of a 429 or 503 (falls back to a minute). */
export function retryAfterSeconds(error: unknown, fallback = 60): number {
  if (!isAxiosError(error)) return fallback
  const raw = AxiosHeaders.from(error.response?.headers as never).get('retry-after')
  const seconds = Number(raw)
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : fallback
}

/**
 * For actions (save, link, delete): the app's sentence for the error's code, or the BFF's own when it is written for
 * people. `fieldLabels` names the form's fields as the parent sees them, for answers that say which one is at fault.
 */
export function describeActionError(error: unknown, fieldLabels: Record<string, string> = {}): string {
  if (!isAxiosError<ErrorResponse>(error)) return t('errors.actionFailed')
  const code = errorCodeOf(error)
  const field = errorFieldOf(error)
  const label = field ? fieldLabels[field] : undefined
  switch (code) {
    case undefined:
      return t('errors.network')
    case 'content_risky':
      return t('errors.contentRisky', { field: label || t('errors.contentRiskyAnyField') })
    case 'unauthorized':
      return t('errors.sessionExpired')
    case 'rate_limited':
      return t('errors.tooMany', { seconds: retryAfterSeconds(error) })
    case 'validation':
      return label ? t('errors.invalidField', { field: label }) : t('errors.actionFailed')
    case 'database_unavailable':
    case 'service_unavailable':
    case 'internal':
      return t('errors.server')
  }
  const message = messageForPeople(error)
  if (!message) return t('errors.actionFailed')
  return label && code === 'invalid_value' ? `${label}：${message}` : message
}

/** The Authorization header for calls that cannot go through axios (Taro.uploadFile in the mini-program). */
export function authHeader(): Record<string, string> {
  const session = auth?.getSession()
  return session ? { Authorization: `Bearer ${session.accessToken}` } : {}
}
