import { Type, type Static } from '@sinclair/typebox'
import { DateString } from './common'
import { SanctionKind } from './institutions'

// 失信与处罚公示 (policy §9): institutions and measures only; a person is never named in the parent-facing app.

export const SanctionQuery = Type.Object(
  {
    cityCode: Type.Optional(Type.String({ pattern: '^[0-9]{6}$' })),
    kind: Type.Optional(SanctionKind),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
  },
  { additionalProperties: false },
)
export type SanctionQuery = Static<typeof SanctionQuery>

export const PublicSanction = Type.Object({
  institutionId: Type.String({ format: 'uuid' }),
  institutionName: Type.String(),
  cityName: Type.String(),
  districtName: Type.String(),
  kind: SanctionKind,
  measure: Type.String(),
  department: Type.String(),
  decidedOn: DateString,
})
export type PublicSanction = Static<typeof PublicSanction>

export const SanctionList = Type.Object({
  items: Type.Array(PublicSanction, { description: 'newest first' }),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  hasMore: Type.Boolean(),
})
export type SanctionList = Static<typeof SanctionList>
