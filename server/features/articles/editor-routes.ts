import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { ArticleHistory, ArticleInput, ArticleParams, ArticleReplacement, EditableArticle, EditableArticleList } from '../../../types/articles'
import { conflict } from '../../shared/http-errors'
import { authoringRegion, editableRegions, mayEdit, noSuchArticle } from './access'
import { articleFields } from './input-rules'
import { presentEditable } from './present'
import { ARTICLE_TAGS, BEARER, errorResponses } from './route-options'
import { articleHistory, findArticle, insertArticle, listForEditor, lockArticle, setWithdrawn, updateArticle, type EditorRow } from './repository'
import type { ActiveGrant } from '../../shared/auth'

/** The article if the regulator may edit it; an article of another region is as unknown as a missing one. */
async function editableArticle(app: FastifyInstance, grants: ActiveGrant[], id: string): Promise<EditorRow> {
  const row = await findArticle(app.database.db, id)
  if (!row || !mayEdit(grants, row.regionCode)) throw noSuchArticle()
  return row
}

/** Regulators write, schedule, edit, withdraw and restore articles (see access.ts for who edits what). */
export const editorRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database
  const asRegulator = app.requireRole('regulator')

  app.get('/admin/articles', {
    onRequest: asRegulator,
    schema: {
      summary: 'Every article you may edit, in every state (draft, scheduled, published, withdrawn), most recently changed first',
      tags: ARTICLE_TAGS, security: BEARER,
      response: { 200: EditableArticleList, ...errorResponses(401, 403) },
    },
  }, async (request) => ({ items: (await listForEditor(db, editableRegions(request.grants))).map(presentEditable) }))

  app.get('/admin/articles/:id', {
    onRequest: asRegulator,
    schema: {
      summary: 'One article with its source markup and state',
      tags: ARTICLE_TAGS, security: BEARER, params: ArticleParams,
      response: { 200: EditableArticle, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request) => presentEditable(await editableArticle(app, request.grants, request.params.id)))

  app.post('/admin/articles', {
    onRequest: asRegulator,
    schema: {
      summary: 'Write an article: no publishAt is a draft, a future one schedules it, a past one publishes at once. It belongs to your region',
      tags: ARTICLE_TAGS, security: BEARER, body: ArticleInput,
      response: { 201: EditableArticle, ...errorResponses(400, 401, 403) },
    },
  }, async (request, reply) => {
    const fields = articleFields(request.body)
    const id = (await insertArticle(db, fields, { userId: request.userId, regionCode: authoringRegion(request.grants) }))!
    request.log.info({ articleId: id, status: fields.publishAt ? 'dated' : 'draft' }, 'article written')
    return reply.code(201).send(presentEditable((await findArticle(db, id))!))
  })

  app.put('/admin/articles/:id', {
    onRequest: asRegulator,
    schema: {
      summary: 'Edit an article, sending every field as it is to read; the current version is kept in its history first',
      tags: ARTICLE_TAGS, security: BEARER, params: ArticleParams, body: ArticleReplacement,
      response: { 200: EditableArticle, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request) => {
    const { id } = request.params
    const fields = articleFields(request.body)
    await db.transaction().execute(async (trx) => {
      const current = await lockArticle(trx, id)
      if (!current || !mayEdit(request.grants, current.regionCode)) throw noSuchArticle()
      await updateArticle(trx, current, fields, request.userId)
    })
    request.log.info({ articleId: id }, 'article edited')
    return presentEditable((await findArticle(db, id))!)
  })

  app.get('/admin/articles/:id/versions', {
    onRequest: asRegulator,
    schema: {
      summary: 'Every version of an article, newest first, the current one included',
      tags: ARTICLE_TAGS, security: BEARER, params: ArticleParams,
      response: { 200: ArticleHistory, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request) => ({ items: await articleHistory(db, await editableArticle(app, request.grants, request.params.id)) }))

  app.post('/admin/articles/:id/withdraw', {
    onRequest: asRegulator,
    schema: {
      summary: 'Withdraw an article: parents no longer see it (404); it and its history are kept and it can be restored',
      tags: ARTICLE_TAGS, security: BEARER, params: ArticleParams,
      response: { 200: EditableArticle, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (request) => {
    const row = await editableArticle(app, request.grants, request.params.id)
    if (row.status === 'withdrawn') throw conflict('该文章已撤回 (the article is already withdrawn)')
    await setWithdrawn(db, row.id, { at: new Date().toISOString(), by: request.userId })
    request.log.info({ articleId: row.id }, 'article withdrawn')
    return presentEditable((await findArticle(db, row.id))!)
  })

  app.post('/admin/articles/:id/restore', {
    onRequest: asRegulator,
    schema: {
      summary: 'Undo a withdrawal: the article is again a draft, scheduled or published, as its publishAt says',
      tags: ARTICLE_TAGS, security: BEARER, params: ArticleParams,
      response: { 200: EditableArticle, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (request) => {
    const row = await editableArticle(app, request.grants, request.params.id)
    if (row.status !== 'withdrawn') throw conflict('该文章未被撤回 (the article is not withdrawn)')
    await setWithdrawn(db, row.id, null)
    request.log.info({ articleId: row.id }, 'article restored')
    return presentEditable((await findArticle(db, row.id))!)
  })
}
