import type { ErrorCode } from '../../types/common'

/**
 * Messages are written `中文 (English)`: the Chinese sentence goes to people as `message`, the English in the final
 * parentheses to developers as `detail`. A message without them is Chinese only.
 */
const DEVELOPER_NOTE = /^([\s\S]*?\S)\s+\(([\x20-\x7e]*)\)$/

export function splitMessage(text: string): { message: string; detail?: string } {
  const match = DEVELOPER_NOTE.exec(text)
  return match ? { message: match[1], detail: match[2] } : { message: text }
}

/** The code an answer gets unless its thrower names a more precise one. */
export function codeForStatus(statusCode: number, field?: string): ErrorCode {
  switch (statusCode) {
    case 400:
    case 413:
    case 415:
      return field ? 'invalid_value' : 'bad_request'
    case 401:
      return 'unauthorized'
    case 403:
      return 'forbidden'
    case 404:
      return 'not_found'
    case 409:
      return 'conflict'
    case 429:
      return 'rate_limited'
    case 502:
    case 503:
      return 'service_unavailable'
    default:
      return statusCode >= 500 ? 'internal' : 'bad_request'
  }
}

/** A 4xx (or an upstream's 502/503) answer: a sentence for people, the input at fault, and a code the app acts on. */
export class ClientError extends Error {
  readonly code: ErrorCode
  /** The developer's English, from the message's final parentheses. */
  readonly detail?: string

  constructor(
    readonly statusCode: number,
    message: string,
    readonly field?: string,
    code?: ErrorCode,
  ) {
    const split = splitMessage(message)
    super(split.message)
    this.detail = split.detail
    this.code = code ?? codeForStatus(statusCode, field)
  }
}

export const badRequest = (field: string, message: string, code?: ErrorCode) => new ClientError(400, message, field, code)
export const notFound = (message: string) => new ClientError(404, message)

export const conflict = (message: string, field?: string) => new ClientError(409, message, field)

/** The 403 the app answers by showing the policy or the child-data consent, then retrying. */
export const consentRequired = (message: string) => new ClientError(403, message, undefined, 'consent_required')
