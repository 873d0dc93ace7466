import type { Article, ArticleKind, ArticleList, TagList } from '../../../types/articles'
import { http } from '../../services/http'

const seg = encodeURIComponent

export const ARTICLE_PAGE_SIZE = 20

export type ArticleFilters = { tag: string | null; kind: ArticleKind | null; q: string }

/** Public reading: no sign-in needed, so no token and no refresh. */
export async function listArticles(filters: ArticleFilters, page: number, pageSize = ARTICLE_PAGE_SIZE): Promise<ArticleList> {
  const params = {
    ...(filters.tag ? { tag: filters.tag } : {}),
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(filters.q.trim() ? { q: filters.q.trim() } : {}),
    page,
    pageSize,
  }
  const { data } = await http.get<ArticleList>('/articles', { params, skipAuth: true })
  return data
}

export async function getArticle(id: string): Promise<Article> {
  const { data } = await http.get<Article>(`/articles/${seg(id)}`, { skipAuth: true })
  return data
}

export async function listTags(): Promise<TagList> {
  const { data } = await http.get<TagList>('/articles/tags', { skipAuth: true })
  return data
}
