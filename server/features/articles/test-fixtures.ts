import type { FastifyInstance } from 'fastify'
import type { ArticleInput, ArticleReplacement, EditableArticle } from '../../../types/articles'

export type Headers = { authorization: string }

const secondsFromNow = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString()
export const inThePast = () => secondsFromNow(-60)
export const inTheFuture = (seconds = 3600) => secondsFromNow(seconds)

/** A published guide unless overridden. */
export function anArticle(overrides: Partial<ArticleInput> = {}): Partial<ArticleInput> {
  return {
    title: '如何选择托育机构',
    summary: '报名前要问清的几件事',
    kind: 'guide',
    tags: ['选择机构'],
    sourceDepartment: '吉林省卫生健康委员会',
    body: '# 看距离\n离家近的机构接送方便。\n\n- 问清开放时间\n- 问清退费规则',
    publishAt: inThePast(),
    ...overrides,
  }
}

export const writeArticle = (app: FastifyInstance, headers: Headers, payload: object) =>
  app.inject({ method: 'POST', url: '/api/admin/articles', headers, payload })

/** Writes the article and returns its id, failing loudly if writing did not work. */
export async function written(app: FastifyInstance, headers: Headers, payload: object = anArticle()): Promise<string> {
  const response = await writeArticle(app, headers, payload)
  if (response.statusCode !== 201) throw new Error(`writing failed: ${response.statusCode} ${response.body}`)
  return response.json().id as string
}

export const replaceArticle = (app: FastifyInstance, headers: Headers, id: string, payload: object) =>
  app.inject({ method: 'PUT', url: `/api/admin/articles/${id}`, headers, payload })

/** The article as the editor reads it (GET /api/admin/articles/:id), as the whole body PUT takes, with `changes` applied. */
export async function replacementOf(
  app: FastifyInstance,
  headers: Headers,
  id: string,
  changes: Partial<ArticleReplacement> = {},
): Promise<ArticleReplacement> {
  const response = await editorView(app, headers, id)
  if (response.statusCode !== 200) throw new Error(`reading the article failed: ${response.statusCode} ${response.body}`)
  const a = response.json() as EditableArticle
  return {
    title: a.title,
    summary: a.summary,
    kind: a.kind,
    tags: a.tags,
    sourceDepartment: a.sourceDepartment,
    documentNumber: a.documentNumber,
    effectiveOn: a.effectiveOn,
    body: a.body,
    publishAt: a.publishAt,
    pinned: a.pinned,
    ...changes,
  }
}

/** What an editor does: read the article, change some fields, send it all back. */
export const editArticle = async (app: FastifyInstance, headers: Headers, id: string, changes: Partial<ArticleReplacement>) =>
  replaceArticle(app, headers, id, await replacementOf(app, headers, id, changes))
export const withdrawArticle = (app: FastifyInstance, headers: Headers, id: string) =>
  app.inject({ method: 'POST', url: `/api/admin/articles/${id}/withdraw`, headers })
export const restoreArticle = (app: FastifyInstance, headers: Headers, id: string) =>
  app.inject({ method: 'POST', url: `/api/admin/articles/${id}/restore`, headers })
export const editorView = (app: FastifyInstance, headers: Headers, id: string) => app.inject({ method: 'GET', url: `/api/admin/articles/${id}`, headers })

/** What a parent (no sign-in needed) gets. */
export const readArticle = (app: FastifyInstance, id: string) => app.inject({ method: 'GET', url: `/api/articles/${id}` })
export const listArticles = (app: FastifyInstance, query: Record<string, string | number> = {}) =>
  app.inject({ method: 'GET', url: '/api/articles', query: Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])) })

/** Ids of the published articles a parent's search or filter finds, in order. */
export async function foundIds(app: FastifyInstance, query: Record<string, string | number>): Promise<string[]> {
  const response = await listArticles(app, { pageSize: 50, ...query })
  if (response.statusCode !== 200) throw new Error(`listing failed: ${response.statusCode} ${response.body}`)
  return response.json().items.map((a: { id: string }) => a.id)
}
