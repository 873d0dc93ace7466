import type { FastifyInstance } from 'fastify'
import { aRecord, YANBIAN } from '../../../test/support/institution-builder'
import { seedRecords } from '../../../test/support/seed-registry'
import { signedInRegulator } from '../../../test/support/test-app'

/** 长春托育园 in Changchun (220100), 延吉托育园 in Yanbian (222400), and a regulator of Changchun. */
export async function twoCities(app: FastifyInstance) {
  const institutions = await seedRecords(app, { changchun: aRecord({ name: '长春托育园' }), yanbian: aRecord({ name: '延吉托育园', ...YANBIAN }) })
  return { ...institutions, changchunRegulator: await signedInRegulator(app, '220100') }
}
