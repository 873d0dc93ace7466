import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { FavouriteIds, InstitutionIdParams } from '../../../types/me'
import { BEARER, NoContent, errorResponses } from '../../shared/route-schemas'
import { addFavourite, favouriteIds, mergeFavourites, removeFavouriteOf } from './favourite-service'
import { ME_TAGS } from './route-options'

export const favouriteRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database

  app.get(
    '/me/favourites',
    {
      onRequest: app.authenticate,
      schema: { summary: 'Favourite institutions, newest first', tags: ME_TAGS, security: BEARER, response: { 200: FavouriteIds, ...errorResponses(401) } },
    },
    async (request) => favouriteIds(db, request.userId),
  )

  app.put(
    '/me/favourites/:institutionId',
    {
      onRequest: app.authenticate,
      schema: {
        summary: 'Add a favourite (idempotent)',
        tags: ME_TAGS,
        security: BEARER,
        params: InstitutionIdParams,
        response: { 204: NoContent, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      await addFavourite(db, request.userId, request.params.institutionId)
      return reply.code(204).send(null)
    },
  )

  app.delete(
    '/me/favourites/:institutionId',
    {
      onRequest: app.authenticate,
      schema: {
        summary: 'Remove a favourite (idempotent)',
        tags: ME_TAGS,
        security: BEARER,
        params: InstitutionIdParams,
        response: { 204: NoContent, ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => {
      await removeFavouriteOf(db, request.userId, request.params.institutionId)
      return reply.code(204).send(null)
    },
  )

  app.post(
    '/me/favourites/merge',
    {
      onRequest: app.authenticate,
      schema: {
        summary: "Merge the app's local favourites into the account at sign-in; unknown ids are skipped; returns the union",
        tags: ME_TAGS,
        security: BEARER,
        body: FavouriteIds,
        response: { 200: FavouriteIds, ...errorResponses(400, 401) },
      },
    },
    async (request) => mergeFavourites(db, request.userId, request.body.institutionIds),
  )
}
