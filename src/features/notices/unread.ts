/** Total unread over the linked institutions (the 我的 tab badge) and per institution. */
export type UnreadCounts = { unread: number; byInstitution: Record<string, number> }

/** The cache key of the unread counts (queries.ts), apart so that reading them does not load the notices' queries. */
export const UNREAD_KEY = ['notices', 'unread'] as const
