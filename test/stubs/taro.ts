/**
 * Hand-written stand-in for @tarojs/taro in jest: the APIs the app calls, as jest mocks with
 * sensible defaults, a Map behind the sync storage, and page hooks that tests can fire.
 */
import { useEffect, useRef } from 'react'

type Callback = () => void
const pageHooks = { pullDownRefresh: new Set<Callback>(), reachBottom: new Set<Callback>() }

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
export const useDidShow = (callback: Callback) => useEffect(callback, [])
export const useRouter = jest.fn(() => ({ params: {} as Record<string, string | undefined>, path: '' }))

/** What a test does to imitate the parent pulling the list down or scrolling to its end. */
export function firePullDownRefresh(): void {
  pageHooks.pullDownRefresh.forEach((run) => run())
}
export function fireReachBottom(): void {
  pageHooks.reachBottom.forEach((run) => run())
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
}

type Api = { [K in keyof typeof defaults]: jest.Mock }

const Taro = Object.fromEntries(Object.entries(defaults).map(([name, impl]) => [name, jest.fn(impl as (...args: never[]) => unknown)])) as unknown as Api

export function resetTaroStub(): void {
  storage.clear()
  pageHooks.pullDownRefresh.clear()
  pageHooks.reachBottom.clear()
  useRouter.mockReset().mockImplementation(() => ({ params: {}, path: '' }))
  for (const [name, impl] of Object.entries(defaults)) {
    Taro[name as keyof Api].mockReset().mockImplementation(impl as (...args: never[]) => unknown)
  }
}

export default Taro
