import Taro from '@tarojs/taro'
import { hasSession } from '../../services/http'
import { onSessionChange } from '../../services/session'
import { applyTabBadge } from './badge'
import { useReportedNotices } from './store'
import { refreshUnread } from './refresh-unread'

let stop: (() => void) | null = null

/**
 * Keeps the 我的 tab badge current: at sign-in (and a restored session) and each time the app comes back; at sign-out
 * the badge and this device's record of reports go (another parent may sign in next). Called once from start.ts.
 */
export function startNotices(): () => void {
  if (stop) return stop
  const unsubscribe = onSessionChange((event) => {
    if (event.type === 'signedIn') {
      void refreshUnread()
    } else {
      useReportedNotices.getState().reset()
      applyTabBadge(0)
    }
  })
  const onShow = () => {
    if (hasSession()) void refreshUnread()
  }
  if (typeof Taro.onAppShow === 'function') Taro.onAppShow(onShow)
  stop = () => {
    unsubscribe()
    if (typeof Taro.offAppShow === 'function') Taro.offAppShow(onShow)
    stop = null
  }
  return stop
}
