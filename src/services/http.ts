import axios, { isAxiosError, isCancel } from 'axios'
import type { ErrorResponse } from '../../types/common'
import { t } from '../i18n'
import { taroAdapter } from './taro-adapter'

const isMiniProgram = process.env.TARO_ENV !== undefined && process.env.TARO_ENV !== 'h5'

/** H5 is served by the BFF itself (same origin); the mini-program calls the BFF's public origin. */
export const apiBaseURL = isMiniProgram ? `${process.env.TARO_APP_API_BASE ?? 'http://127.0.0.1:3000'}/api` : '/api'

/** The one HTTP client of the app. Arrays go out as `serviceForm=a&serviceForm=b`. */
export const http = axios.create({
  baseURL: apiBaseURL,
  timeout: 15000,
  headers: { Accept: 'application/json' },
  paramsSerializer: { indexes: null },
  ...(isMiniProgram ? { adapter: taroAdapter } : {}),
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
