import { Type, type Static } from '@sinclair/typebox'
import { DateString, DateTimeString, Nullable } from './common'

// 数据概览: the province and each 市州 at a glance. Counts only; nothing about a person.

export const LevelCount = Type.Object({
  level: Nullable(Type.String({ description: 'null: not graded, or the grade lapsed' })),
  label: Type.String(),
  count: Type.Integer(),
})

export const RegionFigures = Type.Object({
  regionCode: Type.String({ description: '220000 for the province' }),
  regionName: Type.String(),
  institutions: Type.Integer({ description: 'filed institutions' }),
  places: Type.Integer({ description: 'sum of class capacities' }),
  inclusivePlaces: Type.Integer({ description: 'places in 普惠 institutions' }),
  inclusiveShare: Type.Number({ description: '0..1' }),
  population: Nullable(Type.Integer({ description: 'residents, from the configured population data' })),
  placesPer1000: Nullable(Type.Number({ description: 'places per 1,000 residents, one decimal' })),
  demonstration: Type.Integer({ description: '示范 institutions' }),
  grades: Type.Array(LevelCount, { description: 'best level first, then not graded' }),
  complaintsReceived: Type.Integer({ description: 'in the 12 months to asOf' }),
  complaintsClosed: Type.Integer(),
  complaintsClosedOnTime: Type.Integer({ description: 'replied within the configured reply days' }),
})
export type RegionFigures = Static<typeof RegionFigures>

export const Stats = Type.Object({
  asOf: DateTimeString,
  populationYear: Type.Integer(),
  populationSource: Type.String(),
  complaintsSince: DateString,
  province: RegionFigures,
  cities: Type.Array(RegionFigures, { description: 'every 市州, in the order of the region list' }),
})
export type Stats = Static<typeof Stats>
