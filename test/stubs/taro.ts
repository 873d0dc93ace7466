/**
 * Hand-written stand-in for @tarojs/taro in jest: the APIs the app calls, as jest mocks with
 * sensible defaults, a Map behind the sync storage, and page hooks that tests can fire.
 */
import { useEffect, useRef } from 'react'

type Callback = () => void
const pageHooks = { pullDownRefresh: new Set<Callback>(), reachBottom: new Set<Callback>(), didShow: new Set<Callback>(), didHide: new Set<Callback>() }

function usePageHook(set: Set<Callback>, callback: Callback) {
  const latest = useRef(callback)
  latest.current = callback
  useEffect(() => {
    const run = () => latest.current()
    set.add(run)
    return () => {
      set.delete(run)
    }
  }, [set])
}

export const usePullDownRefresh = (callback: Callback) => usePageHook(pageHooks.pullDownRefresh, callback)
export const useReachBottom = (callback: Callback) => usePageHook(pageHooks.reachBottom, callback)
export const useLoad = (callback: Callback) => useEffect(callback, [])
/** As in Taro, a page is shown once it has mounted; tests fire later shows and hides (another page on top). */
export const useDidShow = (callback: Callback) => {
  usePageHook(pageHooks.didShow, callback)
  useEffect(callback, [])
}
export const useDidHide = (callback: Callback) => usePageHook(pageHooks.didHide, callback)
/** The page's share answers: tests call the last registered callback (`.mock.calls.at(-1)[0]()`). */
export const useShareAppMessage = jest.fn()
export const useShareTimeline = jest.fn()
export const useRouter = jest.fn(() => ({ params: {} as Record<string, string | undefined>, path: '' }))

/** What a test does to imitate the parent pulling the list down or scrolling to its end. */
export function firePullDownRefresh(): void {
  pageHooks.pullDownRefresh.forEach((run) => run())
}
export function fireReachBottom(): void {
  pageHooks.reachBottom.forEach((run) => run())
}
/** Every page mounted so far goes under (hide) or comes back on top (show). */
export function fireDidHide(): void {
  pageHooks.didHide.forEach((run) => run())
}
export function fireDidShow(): void {
  pageHooks.didShow.forEach((run) => run())
}

/**
 * The screen, for long lists. The stand-in has no layout: an element is STUB_ROW_HEIGHT px tall per child, and a
 * test says which elements are on screen (showOnScreen); the app's intersection observers are then told.
 */
export const STUB_ROW_HEIGHT = 100
type Watcher = { selector: string; callback: (result: Record<string, unknown>) => void }
const watchers = new Set<Watcher>()
const rectOf = (element: Element) => ({ id: element.id, top: 0, left: 0, right: 375, width: 375, height: element.children.length * STUB_ROW_HEIGHT })

export function showOnScreen(onScreen: (element: Element) => boolean): void {
  for (const watcher of [...watchers]) {
    const element = document.querySelector(watcher.selector)
    if (element) watcher.callback({ id: element.id, intersectionRatio: onScreen(element) ? 1 : 0, boundingClientRect: rectOf(element) })
  }
}

function selectorQuery() {
  const reads: Array<() => void> = []
  const query = {
    in: () => query,
    select: (selector: string) => ({
      boundingClientRect: (callback?: (rect: unknown) => void) => {
        reads.push(() => {
          const element = document.querySelector(selector)
          callback?.(element ? rectOf(element) : null)
        })
        return query
      },
    }),
    exec: () => reads.splice(0).forEach((read) => read()),
  }
  return query
}

function intersectionObserver() {
  const mine = new Set<Watcher>()
  const observer = {
    relativeToViewport: () => observer,
    observe: (selector: string, callback: Watcher['callback']) => {
      const watcher = { selector, callback }
      mine.add(watcher)
      watchers.add(watcher)
    },
    disconnect: () => {
      mine.forEach((watcher) => watchers.delete(watcher))
      mine.clear()
    },
  }
  return observer
}

export const storage = new Map<string, unknown>()

export const DEFAULT_POSITION = { latitude: 43.8595, longitude: 125.3102 }

const defaults = {
  request: () => ({ abort: () => undefined }),
  getFuzzyLocation: () => Promise.resolve({ ...DEFAULT_POSITION, errMsg: 'getFuzzyLocation:ok' }),
  getLocation: () => Promise.resolve({ ...DEFAULT_POSITION, errMsg: 'getLocation:ok' }),
  getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
  setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
  removeStorageSync: (key: string) => void storage.delete(key),
  navigateTo: () => Promise.resolve({ errMsg: 'navigateTo:ok' }),
  openLocation: () => Promise.resolve({ errMsg: 'openLocation:ok' }),
  makePhoneCall: () => Promise.resolve({ errMsg: 'makePhoneCall:ok' }),
  showToast: () => Promise.resolve({ errMsg: 'showToast:ok' }),
  stopPullDownRefresh: () => undefined,
  setNavigationBarTitle: () => Promise.resolve({ errMsg: 'setNavigationBarTitle:ok' }),
  navigateBack: () => Promise.resolve({ errMsg: 'navigateBack:ok' }),
  switchTab: () => Promise.resolve({ errMsg: 'switchTab:ok' }),
  getCurrentPages: () => [{ route: 'pages/me/index' }, { route: 'pages/child/index' }],
  login: () => Promise.resolve({ code: 'wx-login-code', errMsg: 'login:ok' }),
  redirectTo: () => Promise.resolve({ errMsg: 'redirectTo:ok' }),
  previewImage: () => Promise.resolve({ errMsg: 'previewImage:ok' }),
  /** By default the parent cancels; tests give it files with `mockResolvedValueOnce`. */
  chooseImage: () => Promise.reject({ errMsg: 'chooseImage:fail cancel' }),
  uploadFile: () => Promise.reject({ errMsg: 'uploadFile:fail not stubbed' }),
  setClipboardData: () => Promise.resolve({ errMsg: 'setClipboardData:ok' }),
  onNeedPrivacyAuthorization: () => undefined,
  setTabBarBadge: () => Promise.resolve({ errMsg: 'setTabBarBadge:ok' }),
  removeTabBarBadge: () => Promise.resolve({ errMsg: 'removeTabBarBadge:ok' }),
  showModal: () => Promise.resolve({ confirm: true, cancel: false, errMsg: 'showModal:ok' }),
  openPrivacyContract: () => undefined,
  /** Runs at once: the stand-in renders synchronously. */
  nextTick: (callback: () => void) => callback(),
  /** By default the parent comes back without changing anything. */
  openSetting: () => Promise.resolve({ authSetting: {}, errMsg: 'openSetting:ok' }),
  showShareMenu: () => Promise.resolve({ errMsg: 'showShareMenu:ok' }),
  getCurrentInstance: () => ({ page: { route: 'pages/stub/index' }, router: null }),
  createSelectorQuery: selectorQuery,
  createIntersectionObserver: intersectionObserver,
}

type Api = { [K in keyof typeof defaults]: jest.Mock }

const Taro = Object.fromEntries(Object.entries(defaults).map(([name, impl]) => [name, jest.fn(impl as (...args: never[]) => unknown)])) as unknown as Api

export function resetTaroStub(): void {
  storage.clear()
  pageHooks.pullDownRefresh.clear()
  pageHooks.reachBottom.clear()
  pageHooks.didShow.clear()
  pageHooks.didHide.clear()
  watchers.clear()
  useShareAppMessage.mockReset()
  useShareTimeline.mockReset()
  useRouter.mockReset().mockImplementation(() => ({ params: {}, path: '' }))
  for (const [name, impl] of Object.entries(defaults)) {
    Taro[name as keyof Api].mockReset().mockImplementation(impl as (...args: never[]) => unknown)
  }
}

export default Taro
