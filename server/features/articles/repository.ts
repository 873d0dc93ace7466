import { sql, type Kysely, type RawBuilder, type Selectable, type SqlBool, type Transaction } from 'kysely'
import type { ArticleKind, ArticleStatus } from '../../../types/articles'
import type { ArticlesTable, Database } from '../../db/schema'
import { plainTextOf } from './markup'
import { indexTerms, queryTerms } from './search-terms'

type Db = Kysely<Database> | Transaction<Database>

/** Parents see an article from its publish time on until it is withdrawn (`a` is the articles alias). */
const VISIBLE = sql<SqlBool>`a.publish_at IS NOT NULL AND a.publish_at <= now() AND a.withdrawn_at IS NULL`

/** Computed with the same clock as VISIBLE, so the editor's status and what parents see always agree. */
const STATUS = sql<ArticleStatus>`CASE WHEN a.withdrawn_at IS NOT NULL THEN 'withdrawn' WHEN a.publish_at IS NULL THEN 'draft'
  WHEN a.publish_at > now() THEN 'scheduled' ELSE 'published' END`.as('status')

/** What an editor writes; `blocks` is parsed from `body` before it gets here. */
export type ArticleFields = Pick<
  Selectable<ArticlesTable>,
  'kind' | 'title' | 'summary' | 'tags' | 'sourceDepartment' | 'documentNumber' | 'effectiveOn' | 'body' | 'blocks' | 'publishAt' | 'pinned'
>

/** Title weighs A, summary B, body C: a title match ranks above a body match. Terms are parameters, never tsquery syntax. */
function searchVector(fields: Pick<ArticleFields, 'title' | 'summary' | 'blocks'>) {
  const terms = (text: string) => indexTerms(text).join(' ')
  return sql<string>`setweight(to_tsvector('simple', ${terms(fields.title)}), 'A')
    || setweight(to_tsvector('simple', ${terms(fields.summary)}), 'B')
    || setweight(to_tsvector('simple', ${terms(plainTextOf(fields.blocks))}), 'C')`
}

function columnsOf(fields: ArticleFields) {
  const { blocks, ...rest } = fields
  return { ...rest, blocks: JSON.stringify(blocks), searchVector: searchVector(fields) }
}

export async function insertArticle(db: Db, fields: ArticleFields, author: { userId: string | null; regionCode: string; seedKey?: string }) {
  const now = new Date().toISOString()
  const row = await db
    .insertInto('articles')
    .values({
      ...columnsOf(fields),
      seedKey: author.seedKey ?? null,
      regionCode: author.regionCode,
      createdBy: author.userId,
      updatedBy: author.userId,
      createdAt: now,
      updatedAt: now,
    })
    .onConflict((oc) => oc.column('seedKey').doNothing())
    .returning('id')
    .executeTakeFirst()
  return row?.id ?? null
}

const EDITOR_COLUMNS = [
  'a.id',
  'a.kind',
  'a.title',
  'a.summary',
  'a.tags',
  'a.sourceDepartment',
  'a.documentNumber',
  'a.effectiveOn',
  'a.body',
  'a.blocks',
  'a.publishAt',
  'a.pinned',
  'a.withdrawnAt',
  'a.regionCode',
  'a.version',
  'a.updatedAt',
  'a.updatedBy',
] as const

const editorQuery = (db: Db) => db.selectFrom('articles as a').select(EDITOR_COLUMNS).select(STATUS)

export type EditorRow = NonNullable<Awaited<ReturnType<typeof findArticle>>>

export async function findArticle(db: Db, id: string) {
  return editorQuery(db).where('a.id', '=', id).executeTakeFirst()
}

/** The article, locked until the transaction ends: concurrent edits bump the version one after the other. */
export async function lockArticle(trx: Transaction<Database>, id: string) {
  return editorQuery(trx).where('a.id', '=', id).forUpdate().executeTakeFirst()
}

/** Every article in the regions (null: all), most recently changed first. */
export async function listForEditor(db: Db, regionCodes: string[] | null) {
  let query = editorQuery(db).orderBy('a.updatedAt', 'desc').orderBy('a.id')
  if (regionCodes) {
    if (!regionCodes.length) return []
    query = query.where('a.regionCode', 'in', regionCodes)
  }
  return query.execute()
}

/** Keeps the current content as a version, then writes the changes as the next one. */
export async function updateArticle(trx: Db, current: EditorRow, fields: ArticleFields, userId: string) {
  await trx
    .insertInto('articleVersions')
    .values({
      articleId: current.id,
      version: current.version,
      kind: current.kind,
      title: current.title,
      summary: current.summary,
      tags: current.tags,
      sourceDepartment: current.sourceDepartment,
      documentNumber: current.documentNumber,
      effectiveOn: current.effectiveOn,
      body: current.body,
      publishAt: current.publishAt,
      pinned: current.pinned,
      savedAt: current.updatedAt,
      savedBy: current.updatedBy,
    })
    .execute()
  await trx
    .updateTable('articles')
    .set({ ...columnsOf(fields), version: current.version + 1, updatedBy: userId, updatedAt: new Date().toISOString() })
    .where('id', '=', current.id)
    .execute()
}

/** Withdrawing and restoring change who may see the article, not its content: no new version. */
export async function setWithdrawn(db: Db, id: string, withdrawn: { at: string; by: string } | null) {
  await db
    .updateTable('articles')
    .set({ withdrawnAt: withdrawn?.at ?? null, withdrawnBy: withdrawn?.by ?? null })
    .where('id', '=', id)
    .execute()
}

/** Every version, newest first, the current one included. */
export async function articleHistory(db: Db, current: EditorRow) {
  const earlier = await db
    .selectFrom('articleVersions')
    .select(['version', 'title', 'summary', 'body', 'tags', 'savedAt', 'savedBy'])
    .where('articleId', '=', current.id)
    .orderBy('version', 'desc')
    .execute()
  const { version, title, summary, body, tags, updatedAt, updatedBy } = current
  return [{ version, title, summary, body, tags, savedAt: updatedAt, savedBy: updatedBy }, ...earlier]
}

// ---- what parents see ----

const READER_COLUMNS = [
  'a.id',
  'a.kind',
  'a.title',
  'a.summary',
  'a.tags',
  'a.sourceDepartment',
  'a.documentNumber',
  'a.effectiveOn',
  'a.publishAt',
  'a.pinned',
  'a.version',
  'a.updatedAt',
] as const

export interface PublishedQuery {
  tag?: string
  kind?: ArticleKind
  q?: string
  page: number
  pageSize: number
}

/** Published articles: with `q`, best match first (title above summary above body); then pinned, then newest. */
export async function listPublished(db: Db, query: PublishedQuery) {
  let base = db.selectFrom('articles as a').where(VISIBLE)
  if (query.tag) base = base.where(sql<SqlBool>`a.tags @> ARRAY[${query.tag}]::text[]`)
  if (query.kind) base = base.where('a.kind', '=', query.kind)
  let rank: RawBuilder<number> | null = null
  if (query.q !== undefined) {
    const terms = queryTerms(query.q)
    // Only punctuation or spaces: nothing to look for, so nothing found.
    if (!terms.length) return { rows: [], total: 0 }
    const tsquery = sql`plainto_tsquery('simple', ${terms.join(' ')})`
    base = base.where(sql<SqlBool>`a.search_vector @@ ${tsquery}`)
    rank = sql<number>`ts_rank(a.search_vector, ${tsquery})`
  }
  const { total } = await base.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow()
  let ordered = base.select(READER_COLUMNS)
  if (rank) ordered = ordered.orderBy(rank, 'desc')
  const rows = await ordered
    .orderBy('a.pinned', 'desc')
    .orderBy('a.publishAt', 'desc')
    .orderBy('a.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute()
  return { rows, total }
}

export type ReaderRow = Awaited<ReturnType<typeof listPublished>>['rows'][number]

export async function findPublished(db: Db, id: string) {
  return db.selectFrom('articles as a').select(READER_COLUMNS).select('a.blocks').where('a.id', '=', id).where(VISIBLE).executeTakeFirst()
}

/** Tags over published articles, the most used first. */
export async function publishedTags(db: Db) {
  const result = await sql<{ tag: string; count: number }>`
    SELECT t.tag, count(*)::int AS count FROM articles a CROSS JOIN LATERAL unnest(a.tags) AS t(tag)
    WHERE ${VISIBLE} GROUP BY t.tag ORDER BY count DESC, t.tag`.execute(db)
  return result.rows
}
