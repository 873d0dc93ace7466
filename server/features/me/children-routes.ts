import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Child, ChildInput, ChildList, ChildParams } from '../../../types/me'
import { BEARER, NoContent, errorResponses } from '../../shared/route-schemas'
import { addChild, childrenOf, removeChild, replaceChild } from './child-service'
import { ME_TAGS } from './route-options'

export const childrenRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database

  app.get(
    '/me/children',
    {
      onRequest: app.authenticate,
      schema: {
        summary: "The user's children (nickname, birth month, age in months)",
        tags: ME_TAGS,
        security: BEARER,
        response: { 200: ChildList, ...errorResponses(401) },
      },
    },
    async (request) => childrenOf(db, request.userId),
  )

  app.post(
    '/me/children',
    {
      onRequest: app.authenticate,
      schema: {
        summary: 'Add a child; needs current privacy-policy and child-data consent (403 ConsentRequired otherwise)',
        tags: ME_TAGS,
        security: BEARER,
        body: ChildInput,
        response: { 201: Child, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => reply.code(201).send(await addChild(db, request.userId, request.body)),
  )

  app.put(
    '/me/children/:id',
    {
      onRequest: app.authenticate,
      schema: {
        summary: "Replace a child's nickname and birth month (send both); needs current consent like adding",
        tags: ME_TAGS,
        security: BEARER,
        params: ChildParams,
        body: ChildInput,
        response: { 200: Child, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => replaceChild(db, request.userId, request.params.id, request.body),
  )

  app.delete(
    '/me/children/:id',
    {
      onRequest: app.authenticate,
      schema: {
        summary: "Delete a child's data (always allowed, consent or not)",
        tags: ME_TAGS,
        security: BEARER,
        params: ChildParams,
        response: { 204: NoContent, ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      await removeChild(db, request.userId, request.params.id)
      return reply.code(204).send(null)
    },
  )
}
