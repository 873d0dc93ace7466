import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { editorRoutes } from './editor-routes'
import { readerRoutes } from './reader-routes'

/** 政策与指南: policies, interpretations and guides; parents read published ones, regulators write them. */
export const articleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(readerRoutes)
  await app.register(editorRoutes)
}
