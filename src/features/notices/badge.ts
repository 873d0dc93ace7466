import Taro from '@tarojs/taro'
import { routes, TAB_PAGES } from '../../utils/routes'

export const ME_TAB_INDEX = TAB_PAGES.indexOf(routes.me)

/**
 * Shows the unread count on the 我的 tab, or removes the badge at 0. WeChat refuses this on a page that is not a
 * tab page and H5 drops it before its tab bar exists, so tab pages apply it again when they show (useTabBadge).
 */
export function applyTabBadge(unread: number): void {
  try {
    const done =
      unread > 0 ? Taro.setTabBarBadge({ index: ME_TAB_INDEX, text: unread > 99 ? '99+' : String(unread) }) : Taro.removeTabBarBadge({ index: ME_TAB_INDEX })
    void Promise.resolve(done).catch(() => undefined)
  } catch {
    // not available on this platform or page
  }
}
