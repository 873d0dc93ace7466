import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Child, ChildInput, ChildList, ChildParams } from '../../../types/me'
import { conflict, notFound } from '../../shared/http-errors'
import { MAX_CHILDREN, checkedBirthMonth, checkedNickname, presentChild } from './child-rules'
import { consentRequired, missingChildConsent } from './consents'
import { BEARER, ME_TAGS, NoContent, errorResponses } from './route-options'
import { countChildren, deleteChild, insertChild, listChildren, updateChild } from './repository'

// The same answer whether the child is someone else's or does not exist: never confirm another family's data.
const childNotFound = () => notFound('未找到这个孩子的信息 (child not found)')

export const childrenRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database

  app.get('/me/children', {
    onRequest: app.authenticate,
    schema: { summary: "The user's children (nickname, birth month, age in months)", tags: ME_TAGS, security: BEARER, response: { 200: ChildList, ...errorResponses(401) } },
  }, async (request) => {
    const rows = await listChildren(db, request.userId)
    return { items: rows.map((row) => presentChild(row)) }
  })

  app.post('/me/children', {
    onRequest: app.authenticate,
    schema: {
      summary: 'Add a child; needs current privacy-policy and child-data consent (403 ConsentRequired otherwise)',
      tags: ME_TAGS, security: BEARER, body: ChildInput,
      response: { 201: Child, ...errorResponses(400, 401, 403, 409) },
    },
  }, async (request, reply) => {
    const child = { nickname: checkedNickname(request.body.nickname), birthMonth: checkedBirthMonth(request.body.birthMonth) }
    const missing = await missingChildConsent(db, request.userId)
    if (missing) return reply.code(403).send(consentRequired(missing))
    if ((await countChildren(db, request.userId)) >= MAX_CHILDREN) throw conflict(`最多添加 ${MAX_CHILDREN} 个孩子 (at most ${MAX_CHILDREN} children)`)
    const row = await insertChild(db, request.userId, child)
    return reply.code(201).send(presentChild(row))
  })

  app.put('/me/children/:id', {
    onRequest: app.authenticate,
    schema: {
      summary: "Replace a child's nickname and birth month (send both); needs current consent like adding",
      tags: ME_TAGS, security: BEARER, params: ChildParams, body: ChildInput,
      response: { 200: Child, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    const changes = { nickname: checkedNickname(request.body.nickname), birthMonth: checkedBirthMonth(request.body.birthMonth) }
    const missing = await missingChildConsent(db, request.userId)
    if (missing) return reply.code(403).send(consentRequired(missing))
    const row = await updateChild(db, request.userId, request.params.id, changes)
    if (!row) throw childNotFound()
    return presentChild(row)
  })

  app.delete('/me/children/:id', {
    onRequest: app.authenticate,
    schema: {
      summary: "Delete a child's data (always allowed, consent or not)",
      tags: ME_TAGS, security: BEARER, params: ChildParams,
      response: { 204: NoContent, ...errorResponses(400, 401, 404) },
    },
  }, async (request, reply) => {
    if (!(await deleteChild(db, request.userId, request.params.id))) throw childNotFound()
    return reply.code(204).send(null)
  })
}
