import { badRequest } from './http-errors'

/** A 市州 code from a request, or null when none was given; a 400 naming `field` when it is not a 市州 of Jilin. */
export function checkedCity(cityCode: string | null | undefined, cityCodes: Set<string>, field = 'cityCode'): string | null {
  if (cityCode && !cityCodes.has(cityCode)) throw badRequest(field, `未知的市州代码 ${cityCode} (not a 市州 code)`)
  return cityCode ?? null
}
