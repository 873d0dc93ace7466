import { ErrorResponse } from '../../../types/common'

export const GUIDANCE_TAGS = ['guidance']
/** The centre-staff side is also listed with the other centre APIs. */
export const CENTRE_GUIDANCE_TAGS = ['guidance', 'centre']
export const BEARER: Array<Record<string, string[]>> = [{ bearer: [] }]

/** Response schemas for the listed error codes, each an ErrorResponse. */
export function errorResponses<const C extends number>(...codes: C[]): { [K in C]: typeof ErrorResponse } {
  return Object.fromEntries(codes.map((code) => [code, ErrorResponse])) as { [K in C]: typeof ErrorResponse }
}
