import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Article, ArticleList, ArticleParams, ArticleQuery, TagList } from '../../../types/articles'
import { errorResponses } from '../../shared/route-schemas'
import { publishedArticle, publishedArticles, tagsInUse } from './reader-service'
import { ARTICLE_TAGS } from './route-options'

/** What anyone may read, signed in or not: published articles only. */
export const readerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database

  app.get(
    '/articles',
    {
      schema: {
        summary: 'Published policies and guides: pinned first, then newest; filter by tag and kind; q finds words (Chinese by characters), best match first',
        tags: ARTICLE_TAGS,
        querystring: ArticleQuery,
        response: { 200: ArticleList, ...errorResponses(400) },
      },
    },
    async (request) => publishedArticles(db, request.query),
  )

  app.get(
    '/articles/tags',
    {
      schema: {
        summary: 'Tags of the published articles with how many use each, the most used first',
        tags: ARTICLE_TAGS,
        response: { 200: TagList },
      },
    },
    async () => tagsInUse(db),
  )

  app.get(
    '/articles/:id',
    {
      schema: {
        summary: 'One published article as blocks (never HTML); a draft, a scheduled article not yet due or a withdrawn one is 404 like an unknown id',
        tags: ARTICLE_TAGS,
        params: ArticleParams,
        response: { 200: Article, ...errorResponses(400, 404) },
      },
    },
    async (request) => publishedArticle(db, request.params.id),
  )
}
