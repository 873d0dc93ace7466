import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { adminRoutes } from './admin-routes'
import { authoringRoutes } from './authoring-routes'
import { committeeRoutes } from './committee-routes'
import { imageRoutes } from './image-routes'
import { readerRoutes } from './reader-routes'

/** Parent-committee notices (家长委员会公告): posting, reading, reporting, takedowns, and the committee page. */
export const noticeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(authoringRoutes)
  await app.register(readerRoutes)
  await app.register(committeeRoutes)
  await app.register(adminRoutes)
  await app.register(imageRoutes)
}
