import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { accountRoutes } from './account-routes'
import { consentRoutes } from './consent-routes'
import { childrenRoutes } from './children-routes'
import { linkRoutes } from './link-routes'
import { favouriteRoutes } from './favourite-routes'

/** Everything under /me: the signed-in user's own account and data. */
export const meRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(accountRoutes)
  await app.register(consentRoutes)
  await app.register(childrenRoutes)
  await app.register(linkRoutes)
  await app.register(favouriteRoutes)
}
