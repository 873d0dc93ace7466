import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Article, ArticleList, ArticleParams, ArticleQuery, TagList } from '../../../types/articles'
import { noSuchArticle } from './access'
import { presentArticle, presentSummary } from './present'
import { ARTICLE_TAGS, errorResponses } from './route-options'
import { findPublished, listPublished, publishedTags } from './repository'

/** What anyone may read, signed in or not: published articles only. */
export const readerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database

  app.get('/articles', {
    schema: {
      summary: 'Published policies and guides: pinned first, then newest; filter by tag and kind; q finds words (Chinese by characters), best match first',
      tags: ARTICLE_TAGS, querystring: ArticleQuery,
      response: { 200: ArticleList, ...errorResponses(400) },
    },
  }, async (request) => {
    const { tag, kind, q } = request.query
    const page = request.query.page ?? 1
    const pageSize = request.query.pageSize ?? 20
    const { rows, total } = await listPublished(db, { tag, kind, q, page, pageSize })
    return { items: rows.map(presentSummary), total, page, pageSize, hasMore: page * pageSize < total }
  })

  app.get('/articles/tags', {
    schema: {
      summary: 'Tags of the published articles with how many use each, the most used first',
      tags: ARTICLE_TAGS,
      response: { 200: TagList },
    },
  }, async () => ({ items: await publishedTags(db) }))

  app.get('/articles/:id', {
    schema: {
      summary: 'One published article as blocks (never HTML); a draft, a scheduled article not yet due or a withdrawn one is 404 like an unknown id',
      tags: ARTICLE_TAGS, params: ArticleParams,
      response: { 200: Article, ...errorResponses(400, 404) },
    },
  }, async (request) => {
    const row = await findPublished(db, request.params.id)
    if (!row) throw noSuchArticle()
    return presentArticle(row)
  })
}
