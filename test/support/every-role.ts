import type { FastifyInstance } from 'fastify'
import { PROVINCE_CODE } from '../../types/roles'
import { aRecord } from './institution-builder'
import { aHealthCentre, seedRecords } from './seed-registry'
import { signedInWith } from './test-app'

/**
 * A signed-in user who is a province regulator, a committee member of a new institution and staff of a new health
 * centre: role checks in onRequest let every route through, so tests that walk the whole API reach validation.
 */
export async function userWithEveryRole(app: FastifyInstance) {
  const name = `全角色托育园${Date.now() % 1e6}`
  const { institutionId } = await seedRecords(app, { institutionId: aRecord({ name }) })
  const centreId = (await aHealthCentre(app, { name: `${name}社区卫生服务中心` })).id
  const user = await signedInWith(
    app,
    { role: 'regulator', regionCode: PROVINCE_CODE },
    { role: 'committee', institutionId },
    { role: 'centre_staff', centreId },
  )
  return { ...user, institutionId, centreId }
}
