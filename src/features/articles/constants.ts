import type { ArticleKind } from '../../../types/articles'

/** The kinds in the order the list offers them (types/articles.ts ARTICLE_KINDS; the app imports types only). */
export const ARTICLE_KIND_ORDER: readonly ArticleKind[] = ['policy', 'interpretation', 'guide']
