import { useDidShow } from '@tarojs/taro'
import { getQueryData } from '../../services/server-data'
import { applyTabBadge } from './badge'
import { refreshUnread } from './refresh-unread'
import { UNREAD_KEY, type UnreadCounts } from './unread'

/**
 * For tab pages: puts the unread count on the 我的 tab each time the page shows (a badge set from a non-tab page
 * may have been refused). With `refresh` (the 我的 page, signed in) the count is fetched again first.
 */
export function useTabBadge(refresh: boolean): void {
  useDidShow(() => {
    const unread = getQueryData<UnreadCounts>(UNREAD_KEY)?.unread ?? 0
    if (refresh) void refreshUnread()
    else if (unread > 0) applyTabBadge(unread)
  })
}
