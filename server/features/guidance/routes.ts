import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { centreRoutes } from './centre-routes'
import { parentRoutes } from './parent-routes'
import { holdsPersonalData } from '../../shared/personal-data'
import { requestsOf } from './views'

/** Home guidance (入户指导, policy §3): parents ask, the community health centre of their district schedules or declines. */
export const guidanceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(parentRoutes)
  await app.register(centreRoutes)
  // Erased by ON DELETE CASCADE with the user and the children (see the migration); exported here.
  holdsPersonalData(app, { key: 'guidanceRequests', export: requestsOf })
}
