import { Type, type Static } from '@sinclair/typebox'

/** Administrative area: a 市州 (city) or a district/county inside it. Codes follow GB/T 2260 where one exists. */
export const District = Type.Object({
  code: Type.String(),
  name: Type.String(),
  lat: Type.Number(),
  lng: Type.Number(),
})
export type District = Static<typeof District>

export const City = Type.Object({
  code: Type.String(),
  name: Type.String(),
  shortName: Type.String({ description: 'e.g. 长春, 延边' }),
  lat: Type.Number(),
  lng: Type.Number(),
  districts: Type.Array(District),
})
export type City = Static<typeof City>

export const RegionsResponse = Type.Object({ cities: Type.Array(City) })
export type RegionsResponse = Static<typeof RegionsResponse>
