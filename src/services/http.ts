import axios, { AxiosHeaders, isAxiosError, isCancel, type AxiosError, type InternalAxiosRequestConfig } from 'axios'
import type { ErrorResponse } from '../../types/common'
import { t } from '../i18n'
import { taroAdapter } from './taro-adapter'

const isMiniProgram = process.env.TARO_ENV !== undefined && process.env.TARO_ENV !== 'h5'

/**
 * H5 is served by the BFF itself (same origin); the mini-program calls the BFF's public origin, which the build always
 * defines (config/weapp-settings.ts), so no address of a developer's machine can end up in a production bundle.
 */
export const apiBaseURL = isMiniProgram ? `${process.env.TARO_APP_API_BASE ?? ''}/api` : '/api'

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

/** A sentence a parent can act on, from whatever the request threw. */
export function describeError(error: unknown): string {
  if (!isAxiosError<ErrorResponse>(error)) return t('errors.generic')
  const status = error.response?.status
  if (!status) return t('errors.network')
  if (status === 404) return t('errors.notFound')
  if (status >= 400 && status < 500 && error.response?.data?.message) return t('errors.badRequest', { message: error.response.data.message })
  return t('errors.server')
}

export function statusOf(error: unknown): number | undefined {
  return isAxiosError(error) ? error.response?.status : undefined
}

/** Seconds from a 429's `retry-after` header (falls back to a minute). */
export function retryAfterSeconds(error: unknown, fallback = 60): number {
  if (!isAxiosError(error)) return fallback
  const raw = AxiosHeaders.from(error.response?.headers as never).get('retry-after')
  const seconds = Number(raw)
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : fallback
}

const CHINESE = /[\u4e00-\u9fa5]/

/**
 * For actions (save, link, delete): the BFF's own message when it is written for people, else a general sentence.
 * `fieldLabels` names the form's fields as the parent sees them, for answers that say which one is at fault.
 */
export function describeActionError(error: unknown, fieldLabels: Record<string, string> = {}): string {
  if (!isAxiosError<ErrorResponse>(error)) return t('errors.actionFailed')
  const { code, field } = error.response?.data ?? {}
  if (code === 'content_risky') return t('errors.contentRisky', { field: (field && fieldLabels[field]) || t('errors.contentRiskyAnyField') })
  const status = error.response?.status
  if (!status) return t('errors.network')
  if (status === 401) return t('errors.sessionExpired')
  if (status === 429) return t('errors.tooMany', { seconds: retryAfterSeconds(error) })
  if (status >= 500) return t('errors.server')
  const message = error.response?.data?.message
  return message && CHINESE.test(message) ? message.replace(/\s*\([^)]*\)\s*$/, '') : t('errors.actionFailed')
}

/** The Authorization header for calls that cannot go through axios (Taro.uploadFile in the mini-program). */
export function authHeader(): Record<string, string> {
  const session = auth?.getSession()
  return session ? { Authorization: `Bearer ${session.accessToken}` } : {}
}
