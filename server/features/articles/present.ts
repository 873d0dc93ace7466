import type { Article, ArticleSummary, EditableArticle } from '../../../types/articles'
import type { EditorRow, ReaderRow } from './repository'

type Listed = Omit<ArticleSummary, 'publishedAt'>
type Detail = Omit<Article, keyof ArticleSummary>

/** What a list shows of an article, to parents and editors alike, but for when it was published. */
function listedFields(row: Pick<ReaderRow, keyof Listed>): Listed {
  const { id, title, summary, kind, tags, sourceDepartment, effectiveOn, pinned } = row
  return { id, title, summary, kind, tags, sourceDepartment, effectiveOn, pinned }
}

/** What opening an article adds to its list entry. */
function detailFields(row: Pick<EditorRow, keyof Detail>): Detail {
  const { blocks, documentNumber, version, updatedAt } = row
  return { blocks, documentNumber, version, updatedAt }
}

export function presentSummary(row: ReaderRow): ArticleSummary {
  // Only published rows reach parents, so the publish time is set.
  return { ...listedFields(row), publishedAt: row.publishAt! }
}

export function presentArticle(row: ReaderRow & Pick<EditorRow, 'blocks'>): Article {
  return { ...presentSummary(row), ...detailFields(row) }
}

export function presentEditable(row: EditorRow): EditableArticle {
  return {
    ...listedFields(row),
    ...detailFields(row),
    body: row.body,
    status: row.status,
    publishAt: row.publishAt,
    publishedAt:
      row.status === 'published' || (row.status === 'withdrawn' && row.publishAt !== null && Date.parse(row.publishAt) <= Date.now()) ? row.publishAt : null,
  }
}
