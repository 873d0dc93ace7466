import { Type } from '@sinclair/typebox'
import { ErrorResponse } from '../../../types/common'

export const ROLES_TAGS = ['roles']
export const BEARER = [{ bearer: [] }]
export const NoContent = Type.Null({ description: 'No content' })

/** Response schemas for the listed error codes, each an ErrorResponse. */
export function errorResponses<const C extends number>(...codes: C[]): { [K in C]: typeof ErrorResponse } {
  return Object.fromEntries(codes.map((code) => [code, ErrorResponse])) as { [K in C]: typeof ErrorResponse }
}
