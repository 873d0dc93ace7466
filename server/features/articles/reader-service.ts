import type { Kysely } from 'kysely'
import type { Article, ArticleList, ArticleQuery, TagList } from '../../../types/articles'
import type { Database } from '../../db/schema'
import { noSuchArticle } from './access'
import { presentArticle, presentSummary } from './present'
import { findPublished, listPublished, publishedTags } from './repository'

/** What anyone may read, signed in or not: published articles only. */

export async function publishedArticles(db: Kysely<Database>, query: ArticleQuery): Promise<ArticleList> {
  const { tag, kind, q } = query
  const page = query.page ?? 1
  const pageSize = query.pageSize ?? 20
  const { rows, total } = await listPublished(db, { tag, kind, q, page, pageSize })
  return { items: rows.map(presentSummary), total, page, pageSize, hasMore: page * pageSize < total }
}

export async function tagsInUse(db: Kysely<Database>): Promise<TagList> {
  return { items: await publishedTags(db) }
}

/** A draft, an article not yet due or a withdrawn one is as unknown as a missing one. */
export async function publishedArticle(db: Kysely<Database>, id: string): Promise<Article> {
  const row = await findPublished(db, id)
  if (!row) throw noSuchArticle()
  return presentArticle(row)
}
