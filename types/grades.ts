import { Type, type Static } from '@sinclair/typebox'

/** The grade scheme is data, not logic: levels are ordered by `rank` (higher is better). */
export const GradeLevel = Type.Object({
  code: Type.String({ description: 'e.g. A' }),
  label: Type.String({ description: 'e.g. A级（优秀）' }),
  rank: Type.Integer(),
  minScore: Type.Integer(),
})
export type GradeLevel = Static<typeof GradeLevel>

export const GradeDimension = Type.Object({
  code: Type.String(),
  name: Type.String({ description: 'e.g. 办托条件' }),
  maxScore: Type.Integer(),
})
export type GradeDimension = Static<typeof GradeDimension>

export const GradeScheme = Type.Object({
  standard: Type.String({ description: 'e.g. WS/T 821-2023 托育机构质量评估标准' }),
  maxScore: Type.Integer(),
  levels: Type.Array(GradeLevel),
  dimensions: Type.Array(GradeDimension),
})
export type GradeScheme = Static<typeof GradeScheme>
