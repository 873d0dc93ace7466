import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ArticleHistory, ArticleInput, ArticleParams, ArticleReplacement, EditableArticle, EditableArticleList } from '../../../types/articles'
import { BEARER, errorResponses } from '../../shared/route-schemas'
import { articleFor, articlesFor, editArticle, restoreArticle, versionsOf, withdrawArticle, writeArticle } from './editor-service'
import { ARTICLE_TAGS } from './route-options'

/** Regulators write, schedule, edit, withdraw and restore articles (see access.ts for who edits what). */
export const editorRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database
  const asRegulator = app.requireRole('regulator')

  app.get(
    '/admin/articles',
    {
      onRequest: asRegulator,
      schema: {
        summary: 'Every article you may edit, in every state (draft, scheduled, published, withdrawn), most recently changed first',
        tags: ARTICLE_TAGS,
        security: BEARER,
        response: { 200: EditableArticleList, ...errorResponses(401, 403) },
      },
    },
    async (request) => articlesFor(db, request),
  )

  app.get(
    '/admin/articles/:id',
    {
      onRequest: asRegulator,
      schema: {
        summary: 'One article with its source markup and state',
        tags: ARTICLE_TAGS,
        security: BEARER,
        params: ArticleParams,
        response: { 200: EditableArticle, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => articleFor(db, request, request.params.id),
  )

  app.post(
    '/admin/articles',
    {
      onRequest: asRegulator,
      schema: {
        summary: 'Write an article: no publishAt is a draft, a future one schedules it, a past one publishes at once. It belongs to your region',
        tags: ARTICLE_TAGS,
        security: BEARER,
        body: ArticleInput,
        response: { 201: EditableArticle, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const article = await writeArticle(db, request, request.body)
      request.log.info({ articleId: article.id, status: article.publishAt ? 'dated' : 'draft' }, 'article written')
      return reply.code(201).send(article)
    },
  )

  app.put(
    '/admin/articles/:id',
    {
      onRequest: asRegulator,
      schema: {
        summary: 'Edit an article, sending every field as it is to read; the current version is kept in its history first',
        tags: ARTICLE_TAGS,
        security: BEARER,
        params: ArticleParams,
        body: ArticleReplacement,
        response: { 200: EditableArticle, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const article = await editArticle(db, request, request.params.id, request.body)
      request.log.info({ articleId: article.id }, 'article edited')
      return article
    },
  )

  app.get(
    '/admin/articles/:id/versions',
    {
      onRequest: asRegulator,
      schema: {
        summary: 'Every version of an article, newest first, the current one included',
        tags: ARTICLE_TAGS,
        security: BEARER,
        params: ArticleParams,
        response: { 200: ArticleHistory, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => versionsOf(db, request, request.params.id),
  )

  app.post(
    '/admin/articles/:id/withdraw',
    {
      onRequest: asRegulator,
      schema: {
        summary: 'Withdraw an article: parents no longer see it (404); it and its history are kept and it can be restored',
        tags: ARTICLE_TAGS,
        security: BEARER,
        params: ArticleParams,
        response: { 200: EditableArticle, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const article = await withdrawArticle(db, request, request.params.id)
      request.log.info({ articleId: article.id }, 'article withdrawn')
      return article
    },
  )

  app.post(
    '/admin/articles/:id/restore',
    {
      onRequest: asRegulator,
      schema: {
        summary: 'Undo a withdrawal: the article is again a draft, scheduled or published, as its publishAt says',
        tags: ARTICLE_TAGS,
        security: BEARER,
        params: ArticleParams,
        response: { 200: EditableArticle, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const article = await restoreArticle(db, request, request.params.id)
      request.log.info({ articleId: article.id }, 'article restored')
      return article
    },
  )
}
