import { Type, type Static } from '@sinclair/typebox'

export const HealthResponse = Type.Object({
  status: Type.Literal('ok'),
  database: Type.String({ description: 'pglite or postgres' }),
  version: Type.String(),
  nearbyIndex: Type.Object(
    {
      institutions: Type.Integer({ description: 'institutions this instance answers nearby searches for from memory' }),
      refreshedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'last read of the change log; null: still loading' }),
    },
    { description: 'the in-memory nearby search of this instance' },
  ),
})
export type HealthResponse = Static<typeof HealthResponse>
