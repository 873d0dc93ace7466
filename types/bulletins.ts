import { Type, type Static } from '@sinclair/typebox'
import { DateString, DateTimeString, Nullable, StringEnum } from './common'

// 等级评价公示: each evaluation round published as a bulletin (policy §10).

/** new: first grade; up / same / down against the institution's previous evaluation. */
export const GRADE_CHANGES = ['new', 'up', 'same', 'down'] as const
export const GradeChange = StringEnum(GRADE_CHANGES)
export type GradeChange = Static<typeof GradeChange>

export const BulletinParams = Type.Object({ id: Type.String({ format: 'uuid' }) })

export const BulletinQuery = Type.Object(
  {
    /** A 市州: its bulletins and the province-wide ones. */
    cityCode: Type.Optional(Type.String({ pattern: '^[0-9]{6}$' })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
  },
  { additionalProperties: false },
)
export type BulletinQuery = Static<typeof BulletinQuery>

export const BulletinSummary = Type.Object({
  id: Type.String({ format: 'uuid' }),
  round: Type.String({ description: 'e.g. 2026年第一批' }),
  title: Type.String(),
  department: Type.String(),
  /** null: province-wide. */
  cityCode: Nullable(Type.String()),
  cityName: Nullable(Type.String()),
  publishedOn: DateString,
  institutionCount: Type.Integer(),
})
export type BulletinSummary = Static<typeof BulletinSummary>
export const BulletinList = Type.Object({ items: Type.Array(BulletinSummary, { description: 'newest first' }), total: Type.Integer(), hasMore: Type.Boolean() })
export type BulletinList = Static<typeof BulletinList>

export const BulletinEntry = Type.Object({
  institutionId: Type.String({ format: 'uuid' }),
  institutionName: Type.String(),
  cityName: Type.String(),
  districtName: Type.String(),
  level: Type.String(),
  levelLabel: Type.String(),
  score: Type.Integer(),
  evaluatedOn: DateString,
  validUntil: DateString,
  previousLevel: Nullable(Type.String()),
  previousLevelLabel: Nullable(Type.String()),
  change: GradeChange,
})
export type BulletinEntry = Static<typeof BulletinEntry>

export const Bulletin = Type.Composite([
  BulletinSummary,
  Type.Object({
    intro: Type.String(),
    entries: Type.Array(BulletinEntry, { description: 'by level (best first), then name' }),
    createdAt: DateTimeString,
  }),
])
export type Bulletin = Static<typeof Bulletin>

/** A regulator publishes a round whose evaluations are already in the registry (CSV import). */
export const BulletinInput = Type.Object(
  {
    round: Type.String({ minLength: 2, maxLength: 40 }),
    title: Type.String({ minLength: 2, maxLength: 80 }),
    department: Type.String({ minLength: 2, maxLength: 60 }),
    cityCode: Type.Optional(Nullable(Type.String({ pattern: '^[0-9]{6}$', description: 'null: the province (province regulators only)' }))),
    publishedOn: DateString,
    intro: Type.String({ maxLength: 2000, default: '' }),
  },
  { additionalProperties: false },
)
export type BulletinInput = Static<typeof BulletinInput>
