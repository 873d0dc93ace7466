export const ARTICLE_TAGS = ['articles']
