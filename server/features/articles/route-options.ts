import { ErrorResponse } from '../../../types/common'

export const ARTICLE_TAGS = ['articles']
export const BEARER: Array<Record<string, string[]>> = [{ bearer: [] }]

/** Response schemas for the listed error codes, each an ErrorResponse. */
export function errorResponses<const C extends number>(...codes: C[]): { [K in C]: typeof ErrorResponse } {
  return Object.fromEntries(codes.map((code) => [code, ErrorResponse])) as { [K in C]: typeof ErrorResponse }
}
