import { http, HttpResponse } from 'msw'
import type { ArticleList, ArticleSummary, Block, TagList } from '../../types/articles'
import { ARTICLE_KINDS } from '../../types/articles'
import type { ErrorResponse } from '../../types/common'
import { articleFixtures } from '../fixtures/app'

/** An imitation of the BFF's public article endpoints (types/articles.ts), for the app's tests and the H5 preview. */

const api = (path: string) => `*/api${path}`
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function publicError(statusCode: 400 | 404, message: string, field?: string) {
  const body: ErrorResponse = { statusCode, error: statusCode === 404 ? 'Not Found' : 'Bad Request', message, ...(field ? { field } : {}) }
  return HttpResponse.json(body, { status: statusCode })
}

export type Paging = { page: number; pageSize: number }

/**
 * The query checks the public list endpoints share: only `allowed` names, page ≥ 1, pageSize 1–50.
 * Returns the paging, or the 400 response naming the field.
 */
export function readPaging(params: URLSearchParams, allowed: string[]): Paging | Response {
  for (const name of params.keys()) if (!allowed.includes(name) && name !== 'page' && name !== 'pageSize') return publicError(400, `querystring must NOT have additional properties (${name})`, name)
  const page = Number(params.get('page') ?? 1)
  const pageSize = Number(params.get('pageSize') ?? 20)
  if (!Number.isInteger(page) || page < 1) return publicError(400, 'querystring/page must be >= 1', 'page')
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 50) return publicError(400, 'querystring/pageSize must be <= 50', 'pageSize')
  return { page, pageSize }
}

export function pageOf<T>(items: T[], { page, pageSize }: Paging) {
  const slice = items.slice((page - 1) * pageSize, page * pageSize)
  return { items: slice, total: items.length, page, pageSize, hasMore: page * pageSize < items.length }
}

const blockText = (block: Block): string =>
  block.type === 'heading' ? block.text : block.type === 'paragraph' ? block.inlines.map((i) => i.text).join('') : block.items.flat().map((i) => i.text).join('')

/** Characters in sequence, as the BFF matches Chinese: 托育 finds 托育机构 but not 托管…教育. */
const matchesWords = (summary: ArticleSummary & { blocks: Block[] }, q: string) =>
  [summary.title, summary.summary, ...summary.blocks.map(blockText)].some((part) => part.toLowerCase().includes(q.toLowerCase()))

const toSummary = ({ blocks: _blocks, documentNumber: _number, version: _version, updatedAt: _updated, ...summary }: (typeof articleFixtures)[number]): ArticleSummary => summary

export const articleHandlers = [
  http.get(api('/articles/tags'), () => {
    const counts = new Map<string, number>()
    for (const a of articleFixtures) for (const tag of a.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1)
    const list: TagList = { items: [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag, 'zh-CN')) }
    return HttpResponse.json(list)
  }),

  http.get(api('/articles'), ({ request }) => {
    const params = new URL(request.url).searchParams
    const paging = readPaging(params, ['tag', 'kind', 'q'])
    if (paging instanceof Response) return paging
    const tag = params.get('tag')
    const kind = params.get('kind')
    const q = params.get('q')
    if (tag !== null && (tag.length < 1 || tag.length > 20)) return publicError(400, 'querystring/tag must be 1–20 characters', 'tag')
    if (kind !== null && !ARTICLE_KINDS.includes(kind as never)) return publicError(400, 'querystring/kind must be equal to one of the allowed values', 'kind')
    if (q !== null && (q.trim().length < 1 || q.length > 50)) return publicError(400, 'querystring/q must be 1–50 characters', 'q')
    const found = articleFixtures
      .filter((a) => (!tag || a.tags.includes(tag)) && (!kind || a.kind === kind) && (!q || matchesWords(a, q.trim())))
      .sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.publishedAt.localeCompare(a.publishedAt))
      .map(toSummary)
    const list: ArticleList = pageOf(found, paging)
    return HttpResponse.json(list)
  }),

  http.get(api('/articles/:id'), ({ params }) => {
    const id = String(params.id)
    if (!UUID.test(id)) return publicError(400, 'params/id must match format "uuid"', 'id')
    const found = articleFixtures.find((a) => a.id === id)
    return found ? HttpResponse.json(found) : publicError(404, '文章不存在或已撤回')
  }),
]
