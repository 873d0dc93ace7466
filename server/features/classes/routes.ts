import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { holdsPersonalData } from '../../shared/personal-data'
import { centreRoutes } from './centre-routes'
import { parentRoutes } from './parent-routes'
import { signUpsOf } from './parent-service'
import { releaseSignUpsOfUser } from './seat-service'

/** 家长课堂 and 亲子活动 (policy §3): parents find and sign up; centre staff publish, run and cancel them. */
export const classRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(parentRoutes)
  await app.register(centreRoutes)
  // The account export lists every sign-up as 我的报名 shows them; deleting the account removes them first, so each
  // seat it held goes to the next waiting parent.
  holdsPersonalData(app, { key: 'classSignUps', export: signUpsOf, erase: releaseSignUpsOfUser })
}
