import type { ArticleList, ArticleSummary } from '../../../types/articles'
import { pagedQuery, query } from '../../services/server-data'
import * as api from './api'
import type { ArticleFilters } from './api'
import { noFilters } from './store'

export const OVERVIEW_LATEST = 3

export const articleList = (filters: ArticleFilters) =>
  pagedQuery<ArticleSummary, ArticleList>({
    key: ['articles', 'list', { ...filters, q: filters.q.trim() }],
    fetchPage: (page) => api.listArticles(filters, page),
    itemKey: (item) => item.id,
  })

/** The tag chips are optional: search and kinds still work without them. */
export const articleTags = query({ key: ['articles', 'tags'], fetch: async () => (await api.listTags()).items })

/** The 资讯 tab: pinned articles and the latest few others (the BFF lists pinned first, then the newest). */
export const articlesOverview = query({
  key: ['articles', 'overview'],
  fetch: async () => {
    const page = await api.listArticles(noFilters, 1, 10)
    return { pinned: page.items.filter((item) => item.pinned), latest: page.items.filter((item) => !item.pinned).slice(0, OVERVIEW_LATEST) }
  },
})

export const articleDetail = (id: string) => query({ key: ['articles', 'detail', id], fetch: () => api.getArticle(id) })
