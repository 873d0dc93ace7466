import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { FavouriteIds, InstitutionIdParams } from '../../../types/me'
import { conflict, notFound } from '../../shared/http-errors'
import { BEARER, ME_TAGS, NoContent, errorResponses } from './route-options'
import {
  addFavourites, countFavourites, existingInstitutionIds, institutionExists, isFavourite, listFavourites, removeFavourite,
} from './repository'

export const MAX_FAVOURITES = 200

export const favouriteRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database
  const favouriteIds = async (userId: string) => ({ institutionIds: (await listFavourites(db, userId)).map((f) => f.institutionId) })

  app.get('/me/favourites', {
    onRequest: app.authenticate,
    schema: { summary: 'Favourite institutions, newest first', tags: ME_TAGS, security: BEARER, response: { 200: FavouriteIds, ...errorResponses(401) } },
  }, async (request) => favouriteIds(request.userId))

  app.put('/me/favourites/:institutionId', {
    onRequest: app.authenticate,
    schema: {
      summary: 'Add a favourite (idempotent)',
      tags: ME_TAGS, security: BEARER, params: InstitutionIdParams,
      response: { 204: NoContent, ...errorResponses(400, 401, 404, 409) },
    },
  }, async (request, reply) => {
    const { institutionId } = request.params
    if (!(await institutionExists(db, institutionId))) throw notFound(`未找到机构 ${institutionId} (institution not found)`)
    if (!(await isFavourite(db, request.userId, institutionId))) {
      if ((await countFavourites(db, request.userId)) >= MAX_FAVOURITES) throw conflict(`最多收藏 ${MAX_FAVOURITES} 家机构 (at most ${MAX_FAVOURITES} favourites)`)
      await addFavourites(db, request.userId, [institutionId])
    }
    return reply.code(204).send(null)
  })

  app.delete('/me/favourites/:institutionId', {
    onRequest: app.authenticate,
    schema: {
      summary: 'Remove a favourite (idempotent)',
      tags: ME_TAGS, security: BEARER, params: InstitutionIdParams,
      response: { 204: NoContent, ...errorResponses(400, 401) },
    },
  }, async (request, reply) => {
    await removeFavourite(db, request.userId, request.params.institutionId)
    return reply.code(204).send(null)
  })

  app.post('/me/favourites/merge', {
    onRequest: app.authenticate,
    schema: {
      summary: "Merge the app's local favourites into the account at sign-in; unknown ids are skipped; returns the union",
      tags: ME_TAGS, security: BEARER, body: FavouriteIds,
      response: { 200: FavouriteIds, ...errorResponses(400, 401) },
    },
  }, async (request) => {
    const userId = request.userId
    const wanted = [...new Set(request.body.institutionIds.map((id) => id.toLowerCase()))]
    const known = await existingInstitutionIds(db, wanted)
    const held = new Set((await listFavourites(db, userId)).map((f) => f.institutionId))
    const room = Math.max(0, MAX_FAVOURITES - held.size)
    await addFavourites(db, userId, wanted.filter((id) => known.has(id) && !held.has(id)).slice(0, room))
    return favouriteIds(userId)
  })
}
