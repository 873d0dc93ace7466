import { asyncApi, fail, type ApiHost } from './api'

/** WeChat's own layers above the page: toast, loading, modal and action sheet. A test reads and taps them like page text. */
export interface Overlays {
  toast: { title: string; until: number } | null
  loading: string | null
  modal: { title: string; content: string; confirmText: string; cancelText: string | null; answer: (confirm: boolean) => void } | null
  actionSheet: { items: string[]; answer: (index: number | null) => void } | null
  navigationBarTitle: string | null
  tabBadges: Record<number, string | null>
}

export function overlayText(overlays: Overlays): string[] {
  const texts: string[] = []
  if (overlays.toast && overlays.toast.until > Date.now()) texts.push(overlays.toast.title)
  if (overlays.modal)
    texts.push(overlays.modal.title, overlays.modal.content, overlays.modal.confirmText, ...(overlays.modal.cancelText ? [overlays.modal.cancelText] : []))
  if (overlays.actionSheet) texts.push(...overlays.actionSheet.items, '取消')
  return texts.filter(Boolean)
}

/** Taps `text` in an open modal or action sheet; false when no overlay has it. */
export function tapOverlay(overlays: Overlays, text: string): boolean {
  const modal = overlays.modal
  if (modal && (text === modal.confirmText || text === modal.cancelText)) {
    overlays.modal = null
    modal.answer(text === modal.confirmText)
    return true
  }
  const sheet = overlays.actionSheet
  if (sheet) {
    const index = sheet.items.indexOf(text)
    if (index >= 0 || text === '取消') {
      overlays.actionSheet = null
      sheet.answer(index >= 0 ? index : null)
      return true
    }
  }
  return false
}

export function uiApis(host: ApiHost, overlays: Overlays) {
  const api = asyncApi.bind(null, host)
  return {
    showToast: api('showToast', (o) => {
      overlays.toast = { title: String(o.title ?? ''), until: Date.now() + Number(o.duration ?? 1500) }
      return {}
    }),
    hideToast: api('hideToast', () => {
      overlays.toast = null
      return {}
    }),
    showLoading: api('showLoading', (o) => {
      overlays.loading = String(o.title ?? '')
      return {}
    }),
    hideLoading: api('hideLoading', () => {
      overlays.loading = null
      return {}
    }),
    showModal: api(
      'showModal',
      (o) =>
        new Promise((resolve) => {
          overlays.modal = {
            title: String(o.title ?? ''),
            content: String(o.content ?? ''),
            confirmText: String(o.confirmText ?? '确定'),
            cancelText: o.showCancel === false ? null : String(o.cancelText ?? '取消'),
            answer: (confirm) => resolve({ confirm, cancel: !confirm }),
          }
        }),
    ),
    showActionSheet: api(
      'showActionSheet',
      (o) =>
        new Promise((resolve, reject) => {
          const items = ((o.itemList as string[]) ?? []).map(String)
          if (!items.length || items.length > 6) throw fail('showActionSheet', 'parameter error: itemList should have 1 to 6 items')
          overlays.actionSheet = { items, answer: (index) => (index === null ? reject(fail('showActionSheet', 'cancel')) : resolve({ tapIndex: index })) }
        }),
    ),
    setNavigationBarTitle: api('setNavigationBarTitle', (o) => {
      overlays.navigationBarTitle = String(o.title ?? '')
      return {}
    }),
    setNavigationBarColor: api('setNavigationBarColor', () => ({})),
    showNavigationBarLoading: api('showNavigationBarLoading', () => ({})),
    hideNavigationBarLoading: api('hideNavigationBarLoading', () => ({})),
    setTabBarBadge: api('setTabBarBadge', (o) => {
      overlays.tabBadges[Number(o.index)] = String(o.text ?? '')
      return {}
    }),
    removeTabBarBadge: api('removeTabBarBadge', (o) => {
      overlays.tabBadges[Number(o.index)] = null
      return {}
    }),
    showTabBarRedDot: api('showTabBarRedDot', (o) => {
      overlays.tabBadges[Number(o.index)] = '•'
      return {}
    }),
    hideTabBarRedDot: api('hideTabBarRedDot', (o) => {
      overlays.tabBadges[Number(o.index)] = null
      return {}
    }),
    startPullDownRefresh: api('startPullDownRefresh', () => ({})),
    stopPullDownRefresh: api('stopPullDownRefresh', () => ({})),
    pageScrollTo: api('pageScrollTo', () => ({})),
  }
}
