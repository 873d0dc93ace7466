import type { Article, ArticleKind, ArticleSummary, Block, EditableArticle } from '../../../types/articles'
import type { EditorRow, ReaderRow } from './repository'

export function presentSummary(row: ReaderRow): ArticleSummary {
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    kind: row.kind as ArticleKind,
    tags: row.tags,
    sourceDepartment: row.sourceDepartment,
    // Only published rows reach parents, so the publish time is set.
    publishedAt: row.publishAt!,
    effectiveOn: row.effectiveOn,
    pinned: row.pinned,
  }
}

export function presentArticle(row: ReaderRow & { blocks: unknown }): Article {
  return {
    ...presentSummary(row),
    blocks: row.blocks as Block[],
    documentNumber: row.documentNumber,
    version: row.version,
    updatedAt: row.updatedAt,
  }
}

export function presentEditable(row: EditorRow): EditableArticle {
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    kind: row.kind as ArticleKind,
    tags: row.tags,
    sourceDepartment: row.sourceDepartment,
    effectiveOn: row.effectiveOn,
    pinned: row.pinned,
    blocks: row.blocks as Block[],
    documentNumber: row.documentNumber,
    version: row.version,
    updatedAt: row.updatedAt,
    body: row.body,
    status: row.status,
    publishAt: row.publishAt,
    publishedAt: row.status === 'published' || (row.status === 'withdrawn' && row.publishAt !== null && Date.parse(row.publishAt) <= Date.now())
      ? row.publishAt : null,
  }
}
