import { Type, type TSchema, type TUnsafe } from '@sinclair/typebox'

/** A string enum that validates as `{ enum: [...] }`, so a bad value gets "must be equal to one of the allowed values" naming the field. */
export function StringEnum<const T extends readonly string[]>(values: T, options: Record<string, unknown> = {}): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options })
}

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])

/**
 * Why a request failed, for programs: the app picks its sentence by the code, never by reading `message`.
 * - validation (400): the request breaks the API's schema (a type, format, bound or required input); `field` names it and
 *   `message` is a general sentence, so the app uses its own words for that field.
 * - invalid_value (400, 413, 415): a rule refused a well-formed input; `field` names it and `message` says why, for people.
 * - content_risky (400): WeChat's content security refused the text in `field`.
 * - bad_request (400, 413, 415): the request itself could not be read (not JSON, an unsupported content type, too large).
 * - unauthorized (401): no valid sign-in (missing, expired or forged token, session ended): refresh or sign in again.
 * - sign_in_rejected (401): the code presented to sign in (SMS code, WeChat login or phone code) was refused.
 * - forbidden (403): signed in, but not allowed. consent_required (403): the user must consent first (`message` says to what).
 * - not_found (404), conflict (409: the resource's state does not allow it; `message` says why).
 * - rate_limited (429) and database_unavailable (503): try again after the `Retry-After` header's seconds.
 * - service_unavailable (502, 503): a service the BFF needs (WeChat, SMS, content security) failed or is not configured.
 * - internal (500): a fault of the BFF; its details are only in the log.
 */
export const ERROR_CODES = [
  'validation',
  'invalid_value',
  'content_risky',
  'bad_request',
  'unauthorized',
  'sign_in_rejected',
  'forbidden',
  'consent_required',
  'not_found',
  'conflict',
  'rate_limited',
  'service_unavailable',
  'database_unavailable',
  'internal',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

/**
 * Every 4xx/5xx answer of the BFF. `message` is Chinese, written for people (the app may show it as it is); `detail`
 * is the developer's English, for logs and API users, never shown to parents.
 */
export const ErrorResponse = Type.Object({
  statusCode: Type.Integer(),
  error: Type.String({ description: 'the HTTP reason phrase; ConsentRequired with consent_required' }),
  code: Type.Optional(StringEnum(ERROR_CODES, { description: 'why, for programs; the BFF always sends it' })),
  message: Type.String(),
  field: Type.Optional(Type.String({ description: 'the input at fault' })),
  detail: Type.Optional(Type.String({ description: "the developer's English" })),
})
export type ErrorResponse = typeof ErrorResponse.static

/** Seconds since 1970-01-01 UTC, until 2100: the expiry of a signed link. */
export const UnixSeconds = Type.Integer({ minimum: 0, maximum: 4_102_444_800, description: 'seconds since 1970-01-01 UTC' })

export const DateString = Type.String({ format: 'date', description: 'YYYY-MM-DD' })
export const DateTimeString = Type.String({ format: 'date-time' })

/** A child's birth month, YYYY-MM: all the service keeps of a birth date. */
export const BIRTH_MONTH_PATTERN = '^[0-9]{4}-(0[1-9]|1[0-2])$'
