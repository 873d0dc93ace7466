import { Type, type TSchema, type TUnsafe } from '@sinclair/typebox'

/** A string enum that validates as `{ enum: [...] }`, so a bad value gets "must be equal to one of the allowed values" naming the field. */
export function StringEnum<const T extends readonly string[]>(values: T, options: Record<string, unknown> = {}): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options })
}

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])

/** Reasons the app acts on without reading the message: content_risky — WeChat's content security refused the text in `field`. */
export const ERROR_CODES = ['content_risky'] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

/** Every 4xx/5xx answer of the BFF. `field` names the offending input when there is one, `code` the reason when the app needs it. */
export const ErrorResponse = Type.Object({
  statusCode: Type.Integer(),
  error: Type.String(),
  message: Type.String(),
  field: Type.Optional(Type.String()),
  code: Type.Optional(StringEnum(ERROR_CODES)),
})
export type ErrorResponse = typeof ErrorResponse.static

export const DateString = Type.String({ format: 'date', description: 'YYYY-MM-DD' })
export const DateTimeString = Type.String({ format: 'date-time' })

/** A child's birth month, YYYY-MM: all the service keeps of a birth date. */
export const BIRTH_MONTH_PATTERN = '^[0-9]{4}-(0[1-9]|1[0-2])$'
