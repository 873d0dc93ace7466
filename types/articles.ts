import { Type, type Static } from '@sinclair/typebox'
import { DateString, DateTimeString, Nullable, StringEnum } from './common'

// 政策与指南: policy documents, interpretations and guides published by regulators (policy §三, §10).
export const ARTICLE_KINDS = ['policy', 'interpretation', 'guide'] as const // 政策文件 政策解读 育儿指南
export const ArticleKind = StringEnum(ARTICLE_KINDS)
export type ArticleKind = Static<typeof ArticleKind>

/** draft: never visible to parents; scheduled: visible from publishAt on; published; withdrawn: hidden again. */
export const ARTICLE_STATUSES = ['draft', 'scheduled', 'published', 'withdrawn'] as const
export const ArticleStatus = StringEnum(ARTICLE_STATUSES)
export type ArticleStatus = Static<typeof ArticleStatus>

/**
 * The body is written in a small markup and stored as written; readers get it parsed into blocks, never as HTML:
 *   # 标题 / ## 小标题        headings (levels 1–3)
 *   blank line                 separates paragraphs
 *   - item / 1. item           bullet and numbered lists
 *   [text](https://…)          links: https only, or an in-app path beginning with /pages/
 * Anything else is text, shown as typed (a <script> is just characters).
 */
export const Inline = Type.Union([
  Type.Object({ type: Type.Literal('text'), text: Type.String() }),
  Type.Object({ type: Type.Literal('link'), text: Type.String(), href: Type.String() }),
])
export type Inline = Static<typeof Inline>
export const Block = Type.Union([
  Type.Object({ type: Type.Literal('heading'), level: Type.Integer({ minimum: 1, maximum: 3 }), text: Type.String() }),
  Type.Object({ type: Type.Literal('paragraph'), inlines: Type.Array(Inline) }),
  Type.Object({ type: Type.Literal('list'), ordered: Type.Boolean(), items: Type.Array(Type.Array(Inline)) }),
])
export type Block = Static<typeof Block>

export const ArticleParams = Type.Object({ id: Type.String({ format: 'uuid' }) })

export const ArticleQuery = Type.Object(
  {
    tag: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })),
    kind: Type.Optional(ArticleKind),
    /** Words to find in title, summary and body; Chinese matched by characters (托育 finds 托育机构, not 托管…教育). */
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
  },
  { additionalProperties: false },
)
export type ArticleQuery = Static<typeof ArticleQuery>

export const ArticleSummary = Type.Object({
  id: Type.String({ format: 'uuid' }),
  title: Type.String(),
  summary: Type.String(),
  kind: ArticleKind,
  tags: Type.Array(Type.String()),
  sourceDepartment: Type.String({ description: 'e.g. 吉林省人民政府办公厅' }),
  publishedAt: DateTimeString,
  effectiveOn: Nullable(DateString),
  pinned: Type.Boolean(),
})
export type ArticleSummary = Static<typeof ArticleSummary>

export const ArticleList = Type.Object({
  items: Type.Array(ArticleSummary),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  hasMore: Type.Boolean(),
})
export type ArticleList = Static<typeof ArticleList>

export const Article = Type.Composite([
  ArticleSummary,
  Type.Object({
    blocks: Type.Array(Block),
    documentNumber: Nullable(Type.String({ description: '文号, e.g. 吉政办发〔2019〕42号' })),
    version: Type.Integer(),
    updatedAt: DateTimeString,
  }),
])
export type Article = Static<typeof Article>

export const TagCount = Type.Object({ tag: Type.String(), count: Type.Integer() })
export const TagList = Type.Object({ items: Type.Array(TagCount) })
export type TagList = Static<typeof TagList>

// ---- regulators ----

export const ArticleInput = Type.Object(
  {
    title: Type.String({ minLength: 2, maxLength: 80 }),
    summary: Type.String({ maxLength: 200, default: '' }),
    kind: ArticleKind,
    tags: Type.Array(Type.String({ minLength: 1, maxLength: 20 }), { maxItems: 8, uniqueItems: true, default: [] }),
    sourceDepartment: Type.String({ minLength: 2, maxLength: 60 }),
    documentNumber: Type.Optional(Nullable(Type.String({ maxLength: 60 }))),
    effectiveOn: Type.Optional(Nullable(DateString)),
    body: Type.String({ minLength: 1, maxLength: 100_000, description: 'the markup described above' }),
    /** null or omitted: a draft. A time in the future: scheduled. Now or past: published at once. */
    publishAt: Type.Optional(Nullable(DateTimeString)),
    pinned: Type.Boolean({ default: false }),
  },
  { additionalProperties: false },
)
export type ArticleInput = Static<typeof ArticleInput>

/**
 * PUT /admin/articles/:id: the whole article as it is to read from now on (what GET returns, edited). Every field is
 * required and none has a default: a summary, tags or pinned left out is refused rather than reset. publishAt null
 * makes it a draft again, a future time schedules it.
 */
export const ArticleReplacement = Type.Object(
  {
    title: ArticleInput.properties.title,
    summary: Type.String({ maxLength: 200 }),
    kind: ArticleKind,
    tags: Type.Array(Type.String({ minLength: 1, maxLength: 20 }), { maxItems: 8, uniqueItems: true }),
    sourceDepartment: ArticleInput.properties.sourceDepartment,
    documentNumber: Nullable(Type.String({ maxLength: 60 })),
    effectiveOn: Nullable(DateString),
    body: ArticleInput.properties.body,
    publishAt: Nullable(DateTimeString),
    pinned: Type.Boolean(),
  },
  { additionalProperties: false },
)
export type ArticleReplacement = Static<typeof ArticleReplacement>

/** What the editor sees: the source markup and the state. */
export const EditableArticle = Type.Composite([
  Type.Omit(Article, ['publishedAt']),
  Type.Object({
    body: Type.String(),
    status: ArticleStatus,
    publishAt: Nullable(DateTimeString),
    publishedAt: Nullable(DateTimeString),
  }),
])
export type EditableArticle = Static<typeof EditableArticle>
export const EditableArticleList = Type.Object({ items: Type.Array(EditableArticle) })
export type EditableArticleList = Static<typeof EditableArticleList>

export const ArticleVersion = Type.Object({
  version: Type.Integer(),
  title: Type.String(),
  summary: Type.String(),
  body: Type.String(),
  tags: Type.Array(Type.String()),
  savedAt: DateTimeString,
  savedBy: Nullable(Type.String({ format: 'uuid' })),
})
export const ArticleHistory = Type.Object({ items: Type.Array(ArticleVersion, { description: 'newest first, the current version included' }) })
export type ArticleHistory = Static<typeof ArticleHistory>
