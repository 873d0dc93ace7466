import { http, HttpResponse } from 'msw'
import type { ArticleList, ArticleSummary, TagList } from '../../types/articles'
import { articleFixtures } from '../fixtures/app'

const api = (path: string) => `*/api${path}`

export const toArticleSummary = ({
  blocks: _blocks,
  documentNumber: _number,
  version: _version,
  updatedAt: _updated,
  ...summary
}: (typeof articleFixtures)[number]): ArticleSummary => summary

/** Every demo article in one page, in the fixture's order (pinned first, then newest, as the BFF orders them). */
export const articleListFixture: ArticleList = {
  items: articleFixtures.map(toArticleSummary),
  total: articleFixtures.length,
  page: 1,
  pageSize: 20,
  hasMore: false,
}
const tags: TagList = { items: [...new Set(articleFixtures.flatMap((a) => a.tags))].map((tag) => ({ tag, count: 1 })) }

/** The public article endpoints answered with fixtures (types/articles.ts). */
export const articleHandlers = [
  http.get(api('/articles/tags'), () => HttpResponse.json(tags)),
  http.get(api('/articles'), () => HttpResponse.json(articleListFixture)),
  http.get(api('/articles/:id'), () => HttpResponse.json(articleFixtures[0])),
]
