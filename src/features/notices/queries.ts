import type { CommitteeNotice, Notice, NoticeEdit, NoticeInput, NoticeList } from '../../../types/notices'
import { statusOf } from '../../services/http'
import { fetchQuery, getQueryData, invalidate, query, setQueryData, useQuery } from '../../services/server-data'
import * as api from './api'
import { applyTabBadge } from './badge'
import { useReportedNotices } from './store'
import { UNREAD_KEY, type UnreadCounts } from './unread'

export type { UnreadCounts }

/** Total unread over the linked institutions (the 我的 tab badge, applied with every answer) and per institution. */
export const unreadCounts = query<UnreadCounts>({
  key: UNREAD_KEY,
  fetch: async () => {
    const counts = await api.getUnread()
    applyTabBadge(counts.unread)
    return { unread: counts.unread, byInstitution: Object.fromEntries(counts.byInstitution.map((item) => [item.institutionId, item.unread])) }
  },
  account: true,
})

/** The count as last fetched (pages that show it fetch it with refreshUnread). */
export const useUnreadCounts = () => useQuery(unreadCounts, { enabled: false }).data
export const useUnreadCount = () => useUnreadCounts()?.unread ?? 0

/** Fetches the count again (and puts it on the tab); an offline answer keeps the last count. */
export function refreshUnread(): Promise<unknown> {
  return fetchQuery(unreadCounts, { force: true })
}

/** Pinned first, then newest: the order the BFF gives, kept when the app changes the list itself. */
export function sortNotices<T extends Notice>(items: T[]): T[] {
  return [...items].sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.postedAt.localeCompare(a.postedAt))
}

export const parentNotices = (institutionId: string) =>
  query({ key: ['notices', 'parent', institutionId], fetch: () => api.listNotices(institutionId), account: true })
export const committeeNotices = (institutionId: string) =>
  query({ key: ['notices', 'committee', institutionId], fetch: () => api.listCommitteeNotices(institutionId), account: true })

/** Opening a notice marks it read: its line in the list and the counts follow at once, then the BFF's count. */
function markedRead(notice: Notice): void {
  const listKey = parentNotices(notice.institutionId).key
  const list = getQueryData<NoticeList>(listKey)
  const wasUnread = list?.items.some((item) => item.id === notice.id && !item.read) ?? !notice.read
  setQueryData<NoticeList>(
    listKey,
    (current) =>
      current && {
        ...current,
        items: current.items.map((item) => (item.id === notice.id ? { ...item, read: true } : item)),
        unread: Math.max(0, current.unread - (wasUnread ? 1 : 0)),
      },
  )
  if (!wasUnread) return
  setQueryData<UnreadCounts>(
    unreadCounts.key,
    (counts) =>
      counts && {
        unread: Math.max(0, counts.unread - 1),
        byInstitution: { ...counts.byInstitution, [notice.institutionId]: Math.max(0, (counts.byInstitution[notice.institutionId] ?? 1) - 1) },
      },
  )
  applyTabBadge(getQueryData<UnreadCounts>(unreadCounts.key)?.unread ?? 0)
  void refreshUnread()
}

export const noticeDetail = (id: string) =>
  query({
    key: ['notices', 'detail', id],
    fetch: async () => {
      const notice = await api.getNotice(id)
      markedRead(notice)
      return { ...notice, read: true }
    },
    account: true,
  })

/** The public page of an institution's parent committee. */
export const committeePage = (institutionId: string) =>
  query({ key: ['notices', 'committee-page', institutionId], fetch: () => api.getCommitteePage(institutionId) })

/** 'reported', or 'already' when the parent had reported it before (409). Throws on other failures. */
export async function reportNotice(id: string, reason: string): Promise<'reported' | 'already'> {
  try {
    await api.reportNotice(id, reason)
    useReportedNotices.getState().markReported(id)
    return 'reported'
  } catch (error) {
    if (statusOf(error) !== 409) throw error
    useReportedNotices.getState().markReported(id)
    return 'already'
  }
}

export async function publishNotice(institutionId: string, input: NoticeInput): Promise<CommitteeNotice> {
  const created = await api.createNotice(institutionId, input)
  setQueryData<CommitteeNotice[]>(committeeNotices(institutionId).key, (items) => items && sortNotices([created, ...items.filter((n) => n.id !== created.id)]))
  invalidate(committeeNotices(institutionId).key)
  return created
}

export async function updateNotice(id: string, institutionId: string, input: NoticeEdit): Promise<CommitteeNotice> {
  const updated = await api.updateNotice(id, input)
  setQueryData<CommitteeNotice[]>(committeeNotices(institutionId).key, (items) => items && sortNotices(items.map((n) => (n.id === id ? updated : n))))
  setQueryData<Notice>(noticeDetail(id).key, (notice) => notice && { ...notice, ...updated, read: true })
  invalidate(committeeNotices(institutionId).key)
  return updated
}

export async function withdrawNotice(id: string, institutionId: string): Promise<void> {
  await api.withdrawNotice(id)
  setQueryData<CommitteeNotice[]>(committeeNotices(institutionId).key, (items) => items?.map((n) => (n.id === id ? { ...n, status: 'withdrawn' as const } : n)))
  invalidate(committeeNotices(institutionId).key)
}
