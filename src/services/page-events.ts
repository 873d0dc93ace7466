import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import type { PagedListResult } from './server-data'

/** Pull-to-refresh: `refresh`, then the page's spinner stops whether it worked or not. The page's config enables pulling. */
export function usePullToRefresh(refresh: () => Promise<void>): void {
  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh())
  })
}

type PageEventsOptions = {
  /** The page enables pull-down (`enablePullDownRefresh`): pulling loads the first page again. */
  pullDownRefresh?: boolean
}

/** A paged list that fills its page: the next page when the parent reaches the bottom, and pull-to-refresh if asked. */
export function usePagedListPageEvents(
  list: Pick<PagedListResult<unknown, unknown>, 'loadMore' | 'refresh'>,
  { pullDownRefresh = false }: PageEventsOptions = {},
): void {
  useReachBottom(() => {
    void list.loadMore()
  })
  // A hook cannot be skipped: without pull-down the page never fires it, and it does nothing anyway.
  usePullToRefresh(() => (pullDownRefresh ? list.refresh() : Promise.resolve()))
}
