import { useDidShow } from '@tarojs/taro'
import { applyTabBadge } from './badge'
import { useNoticesStore } from './store'

/**
 * For tab pages: puts the unread count on the 我的 tab each time the page shows (a badge set from a non-tab page
 * may have been refused). With `refresh` (the 我的 page, signed in) the count is fetched again first.
 */
export function useTabBadge(refresh: boolean): void {
  useDidShow(() => {
    const store = useNoticesStore.getState()
    if (refresh) void store.refreshUnread()
    else if (store.unread > 0) applyTabBadge(store.unread)
  })
}
