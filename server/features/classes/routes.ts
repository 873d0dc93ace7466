import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Kysely } from 'kysely'
import type { SignUp } from '../../../types/classes'
import type { Database } from '../../db/schema'
import { holdsPersonalData } from '../../shared/personal-data'
import { centreRoutes } from './centre-routes'
import { parentRoutes } from './parent-routes'
import { presentSignUp } from './present'
import { findClasses, listSignUpsOfUser, releaseSignUpsOfUser } from './repository'

/** Every sign-up of the parent, newest first, as 我的报名 shows them (the account export). */
async function signUpsForExport(db: Kysely<Database>, userId: string): Promise<SignUp[]> {
  const rows = await listSignUpsOfUser(db, userId)
  const classes = new Map((await findClasses(db, [...new Set(rows.map((r) => r.classId))])).map((c) => [c.id, c]))
  return rows.map((row) => presentSignUp(row, classes.get(row.classId)!))
}

/** 家长课堂 and 亲子活动 (policy §3): parents find and sign up; centre staff publish, run and cancel them. */
export const classRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(parentRoutes)
  await app.register(centreRoutes)
  // Deleting the account removes the sign-ups first, so each seat it held goes to the next waiting parent.
  holdsPersonalData(app, { key: 'classSignUps', export: signUpsForExport, erase: releaseSignUpsOfUser })
}
