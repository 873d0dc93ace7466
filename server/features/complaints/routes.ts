import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { adminRoutes } from './admin-routes'
import { filingRoutes } from './filing-routes'
import { reporterRoutes } from './reporter-routes'

/** 投诉举报: parents file and follow (signed in or with the secret), regulators of the 市州 handle. */
export const complaintRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(filingRoutes)
  await app.register(reporterRoutes)
  await app.register(adminRoutes)
}
