import type { Activity } from './activity'
import type { AppRealm } from './loader'
import { applySetData, SET_DATA_LIMIT_BYTES } from './set-data'
import { fail } from './wx/api'

export type AppJson = {
  pages: string[]
  subPackages?: { root: string; pages: string[] }[]
  tabBar?: { list: { pagePath: string; text: string }[] }
  requiredPrivateInfos?: string[]
  permission?: Record<string, { desc?: string }>
}
export type Handler = (this: unknown, ...args: unknown[]) => unknown
type PageConfig = Record<string, unknown> & { data?: Record<string, unknown> }
export type PageInstance = Record<string, unknown> & { route: string; options: Record<string, string>; data: Record<string, unknown> }
export type Navigation = 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch'

/** WeChat keeps at most ten pages on the stack. */
const MAX_STACK = 10

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** 'pages/x/index?id=1' → ['pages/x/index', { id: '1' }]. WeChat hands onLoad the values as written in the URL: it does not decode them. */
export function splitUrl(url: string): [string, Record<string, string>] {
  const [pathPart, queryPart = ''] = url.replace(/^\//, '').split('?')
  const query = Object.fromEntries(
    queryPart
      .split('&')
      .filter(Boolean)
      .map((pair) => {
        const at = pair.indexOf('=')
        return at < 0 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)]
      }),
  )
  return [pathPart, query]
}

/**
 * WeChat's page stack: each page's file loads once and registers with Page(); every visit makes an instance with its
 * own data, driven through onLoad, onShow, onReady, onHide and onUnload as WeChat drives them. Tab pages stay alive
 * once opened; switchTab and reLaunch close the others.
 */
export class PageStack {
  /** The largest single setData payload seen, in bytes. */
  largestSetData = 0
  private readonly configs = new Map<string, PageConfig>()
  private readonly stack: PageInstance[] = []
  private readonly tabInstances = new Map<string, PageInstance>()
  private loadingRoute: string | null = null
  private webviewSerial = 0

  constructor(
    private readonly realm: () => AppRealm,
    private readonly appJson: AppJson,
    private readonly activity: Activity,
  ) {}

  /** The global Page(): called by the page file being loaded. */
  register = (config: PageConfig) => {
    if (!this.loadingRoute) throw new Error('Page() called outside a page file')
    this.configs.set(this.loadingRoute, config)
  }

  pages = (): PageInstance[] => [...this.stack]

  get length(): number {
    return this.stack.length
  }

  top(): PageInstance {
    const instance = this.stack[this.stack.length - 1]
    if (!instance) throw new Error('no page is open')
    return instance
  }

  isTab(route: string): boolean {
    return this.appJson.tabBar?.list.some((item) => item.pagePath === route) ?? false
  }

  /** Calls a lifecycle or event handler of a page, as WeChat does (an exception is the app's crash). */
  call(instance: PageInstance, handler: string, ...args: unknown[]): unknown {
    const fn = instance[handler] as Handler | undefined
    return fn ? this.activity.guard(`${instance.route} ${handler}`, () => fn.call(instance, ...args)) : undefined
  }

  async navigate(kind: Navigation, route: string, query: Record<string, string>): Promise<Record<string, unknown>> {
    if (!this.routeExists(route)) throw fail(kind, `page "${route}" is not found`)
    if ((kind === 'navigateTo' || kind === 'redirectTo') && this.isTab(route)) throw fail(kind, `can not ${kind} a tabbar page`)
    if (kind === 'navigateTo' && this.stack.length >= MAX_STACK) throw fail(kind, 'webview count limit exceed')
    if (kind === 'switchTab' && !this.isTab(route)) throw fail(kind, `can not switchTab to a page that is not a tabbar page: ${route}`)
    if (kind === 'switchTab' && Object.keys(query).length) throw fail(kind, 'url should not contain a query string')
    await sleep(0)
    if (kind === 'navigateTo') return this.open(route, query)
    if (kind === 'redirectTo') {
      this.unload(this.stack.pop()!)
      return this.open(route, query)
    }
    for (const instance of this.stack.splice(0).reverse()) {
      if (kind === 'switchTab' && this.isTab(instance.route)) this.call(instance, 'onHide')
      else this.unload(instance)
    }
    const kept = kind === 'switchTab' ? this.tabInstances.get(route) : undefined
    if (!kept) return this.open(route, query)
    this.stack.push(kept)
    this.call(kept, 'onShow')
    return {}
  }

  async back(delta: number): Promise<Record<string, unknown>> {
    if (this.stack.length <= 1) throw fail('navigateBack', 'cannot navigate back at first page.')
    await sleep(0)
    for (let i = 0; i < delta && this.stack.length > 1; i += 1) this.unload(this.stack.pop()!)
    this.call(this.top(), 'onShow')
    return {}
  }

  /** A WeChat page (the settings page of openSetting) covers the current one for a moment. */
  async cover(): Promise<void> {
    const instance = this.top()
    this.call(instance, 'onHide')
    await sleep(10)
    this.call(instance, 'onShow')
  }

  closeAll(): void {
    for (const instance of this.stack.splice(0).reverse()) this.unload(instance)
  }

  async open(route: string, query: Record<string, string>): Promise<Record<string, unknown>> {
    if (!this.configs.has(route)) {
      this.loadingRoute = route
      this.activity.guard(`${route}.js`, () => this.realm().load(`${route}.js`))
      this.loadingRoute = null
    }
    const config = this.configs.get(route)
    if (!config) throw new Error(`${route}.js did not call Page()`)
    if (this.stack.length) this.call(this.top(), 'onHide')
    this.webviewSerial += 1
    const instance = {
      ...config,
      data: JSON.parse(JSON.stringify(config.data ?? {})),
      route,
      __route__: route,
      options: query,
      __webviewId__: this.webviewSerial,
    } as PageInstance
    instance.setData = (payload: Record<string, unknown>, callback?: () => void) => this.setData(instance, payload, callback)
    instance.getOpenerEventChannel = () => ({ emit: () => {}, on: () => {}, once: () => {}, off: () => {} })
    instance.selectComponent = () => null
    this.stack.push(instance)
    if (this.isTab(route)) this.tabInstances.set(route, instance)
    this.call(instance, 'onLoad', this.realm().toApp(query))
    this.call(instance, 'onShow')
    await sleep(0)
    this.call(instance, 'onReady')
    return {}
  }

  /** setData crosses to the render layer as one JSON string; its callback runs once the render is done. */
  private setData(instance: PageInstance, payload: Record<string, unknown>, callback?: () => void) {
    const bytes = applySetData(instance.data, payload)
    this.largestSetData = Math.max(this.largestSetData, bytes)
    if (bytes > SET_DATA_LIMIT_BYTES) this.activity.problems.push(`${instance.route}: one setData of ${Math.round(bytes / 1024)} KB (WeChat's limit is 256 KB)`)
    this.activity.touch()
    this.activity.pendingRenders += 1
    setTimeout(() => {
      this.activity.pendingRenders -= 1
      this.activity.touch()
      if (callback) this.activity.guard(`${instance.route} setData callback`, callback)
    }, 0)
  }

  private routeExists(route: string) {
    return this.appJson.pages.includes(route) || (this.appJson.subPackages ?? []).some((p) => p.pages.some((page) => `${p.root}/${page}` === route))
  }

  private unload(instance: PageInstance) {
    if (this.isTab(instance.route)) this.tabInstances.delete(instance.route)
    this.call(instance, 'onUnload')
  }
}
