import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { grantRoutes } from './grant-routes'
import { healthCentreRoutes } from './health-centre-routes'
import { invitationRoutes } from './invitation-routes'

/** Roles other than parent: regulators grant them; committees and regulators issue invitation codes. */
export const rolesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(grantRoutes)
  await app.register(healthCentreRoutes)
  await app.register(invitationRoutes)
}
