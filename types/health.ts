import { Type, type Static } from '@sinclair/typebox'

export const HealthResponse = Type.Object({
  status: Type.Literal('ok'),
  database: Type.String({ description: 'pglite or postgres' }),
  version: Type.String(),
})
export type HealthResponse = Static<typeof HealthResponse>
