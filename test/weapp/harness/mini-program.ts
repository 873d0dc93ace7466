import fs from 'node:fs'
import path from 'node:path'
import { Activity } from './activity'
import { createRealm, type AppRealm } from './loader'
import { PageStack, splitUrl, type AppJson, type Handler } from './page-stack'
import { ancestry, elements, findByText, readTemplates, readTree, textOf, type Element, type Templates } from './tree'
import type { ApiHost } from './wx/api'
import type { DeviceRecord, Person } from './wx/device'
import { createWx } from './wx/index'
import { MapViews, regionOf, type LatLng, type MapView } from './wx/map'
import type { SentRequest } from './wx/network'
import { PrivacyGate } from './wx/privacy'
import { overlayText, tapOverlay, type Overlays } from './wx/ui'

export interface LaunchOptions {
  /** The build folder (app.js, app.json, pages/…). */
  buildDir: string
  /** The https origin baked into the build as its API base → the real BFF's http URL. */
  domains: Record<string, string>
  /** The page and query the app opens with, e.g. 'pages/institution/index?id=…' (a shared card); the first page by default. */
  path?: string
  person?: Partial<Person>
  /** Storage left from an earlier run of the app on the same phone. */
  storage?: Map<string, string>
}

/** How long nothing must happen before the screen counts as settled. */
const SETTLE_MS = 60

/**
 * One mini-program on one phone: the production weapp build run with Taro's real runtime, WeChat's page stack and
 * lifecycle, and the wx stand-in. A test drives it the way a parent does: tap what they see, type, pick, go back.
 */
export class MiniProgram {
  readonly requests: SentRequest[] = []
  /** WeChat API calls that failed, with their errMsg. */
  readonly failedCalls: string[] = []
  readonly record: DeviceRecord = { calendar: [], clipboard: [], phoneCalls: [], openedLocations: [], subscriptionPrompts: [], miniPrograms: [] }
  readonly person: Person
  readonly storage: Map<string, string>
  readonly overlays: Overlays = { toast: null, loading: null, modal: null, actionSheet: null, navigationBarTitle: null, tabBadges: {} }
  readonly privacy: PrivacyGate
  readonly appJson: AppJson
  /** What each `map` on the page shows (its centre, scale and marker clustering). */
  readonly maps = new MapViews((id) => this.mapElement(id))

  private readonly activity = new Activity()
  private readonly pages: PageStack
  private readonly realm: AppRealm
  private readonly templates: Templates
  private app: Record<string, Handler> = {}
  private gesture = false
  private readonly appShowListeners: Handler[] = []

  private constructor(options: LaunchOptions) {
    this.person = {
      user: `parent-${Math.random().toString(36).slice(2, 10)}`,
      locationPrompt: 'allow',
      position: { latitude: 43.8868, longitude: 125.3245 },
      album: [],
      phoneNumber: 'deny',
      settingsChange: {},
      subscribe: 'accept',
      agreedToPrivacy: false,
      ...options.person,
    }
    this.storage = options.storage ?? new Map()
    this.appJson = JSON.parse(fs.readFileSync(path.join(options.buildDir, 'app.json'), 'utf8'))
    this.templates = readTemplates(options.buildDir)
    this.privacy = new PrivacyGate(this.person, this.problems, () => this.agreeButton() !== null)
    this.pages = new PageStack(() => this.realm, this.appJson, this.activity)
    const host: ApiHost = {
      toApp: (value) => this.realm.toApp(value),
      report: (problem) => this.problems.push(problem),
      failed: (errMsg) => this.failedCalls.push(errMsg),
    }
    const wx = createWx({
      host,
      activity: this.activity,
      pages: this.pages,
      person: this.person,
      privacy: this.privacy,
      appJson: this.appJson,
      domains: options.domains,
      storage: this.storage,
      tempFiles: new Map(),
      record: this.record,
      requests: this.requests,
      overlays: this.overlays,
      appShowListeners: this.appShowListeners,
      inGesture: () => this.gesture,
      maps: this.maps,
    })
    this.realm = createRealm(options.buildDir, {
      wx,
      App: (config: Record<string, Handler>) => {
        this.app = config
      },
      Page: this.pages.register,
      Component: () => {},
      Behavior: (definition: unknown) => definition,
      getApp: () => this.app,
      getCurrentPages: this.pages.pages,
    })
  }

  /** Starts the app as WeChat does: app.js, App.onLaunch/onShow, then the first page (or the page of a shared card). */
  static async launch(options: LaunchOptions): Promise<MiniProgram> {
    const mp = new MiniProgram(options)
    const [route, query] = splitUrl(options.path ?? mp.appJson.pages[0])
    const { guard } = mp.activity
    guard.call(mp.activity, 'app.js', () => mp.realm.load('app.js'))
    guard.call(mp.activity, 'comp.js', () => mp.realm.load('comp.js'))
    const launch = mp.realm.toApp({ path: route, query, scene: options.path ? 1007 : 1001, referrerInfo: {} })
    guard.call(mp.activity, 'App.onLaunch', () => mp.app.onLaunch?.call(mp.app, launch))
    guard.call(mp.activity, 'App.onShow', () => mp.app.onShow?.call(mp.app, launch))
    mp.appShowListeners.forEach((listener) => guard.call(mp.activity, 'onAppShow', () => listener(launch)))
    await mp.pages.open(route, query)
    await mp.settle()
    return mp
  }

  /** What went wrong in the app: exceptions, privacy misuse, oversized setData. */
  get problems(): string[] {
    return this.activity.problems
  }

  /** The largest single setData payload seen, in bytes. */
  get largestSetData(): number {
    return this.pages.largestSetData
  }

  // ---- reading the screen ----

  get currentRoute(): string {
    return this.pages.top().route
  }

  /** The current page as a tree of elements. */
  screen(): Element {
    return readTree(this.pages.top().data.root, this.templates)
  }

  /** Everything a parent can read now: the page and WeChat's own layers (toast, modal, action sheet). */
  text(): string {
    return [textOf(this.screen()), ...overlayText(this.overlays)].join('\n')
  }

  has(text: string | RegExp): boolean {
    const all = this.text()
    return typeof text === 'string' ? all.replace(/\s+/g, '').includes(text.replace(/\s+/g, '')) : text.test(all)
  }

  async waitForText(text: string | RegExp, timeoutMs = 10_000): Promise<void> {
    await this.waitUntil(
      () => this.has(text),
      timeoutMs,
      () => `"${String(text)}" did not appear on ${this.currentRoute}.`,
    )
  }

  async waitUntil(condition: () => boolean, timeoutMs: number, describe: () => string): Promise<void> {
    const deadline = Date.now() + timeoutMs
    while (!condition()) {
      if (Date.now() > deadline)
        throw new Error(
          `${describe()} Screen:\n${this.text()}${this.problems.length ? `\nProblems:\n${this.problems.join('\n')}` : ''}${this.failedCalls.length ? `\nFailed WeChat calls:\n${this.failedCalls.join('\n')}` : ''}`,
        )
      await sleep(25)
    }
    await this.settle()
  }

  /** Waits until no request is in flight and the page has not changed for a moment. */
  async settle(): Promise<void> {
    const deadline = Date.now() + 15_000
    while (Date.now() < deadline) {
      await sleep(SETTLE_MS / 3)
      if (this.activity.idleFor(SETTLE_MS, this.realm.pendingShortTimers())) return
    }
  }

  // ---- acting ----

  /** Taps the element showing `text` (or WeChat's modal/action-sheet button of that text). */
  async tap(text: string | RegExp, options: { within?: Element } = {}): Promise<void> {
    await this.settle()
    if (typeof text === 'string' && tapOverlay(this.overlays, text)) return this.settle()
    if (this.overlays.modal || this.overlays.actionSheet)
      throw new Error(`"${String(text)}" cannot be tapped: a WeChat dialog is open (${overlayText(this.overlays).join(' / ')})`)
    const target = findByText(options.within ?? this.layerOnTop(), text)
    if (!target) throw new Error(`nothing shows "${String(text)}" on ${this.currentRoute}. Screen:\n${this.text()}`)
    await this.tapElement(target)
  }

  /** The nearest element around the text `text` whose class names include `className` (a card, a row, a section). */
  region(text: string | RegExp, className: string): Element {
    const shown = findByText(this.layerOnTop(), text)
    const found = shown && ancestry(shown).find((element) => element.className.split(/\s+/).includes(className))
    if (!found) throw new Error(`no .${className} around "${String(text)}" on ${this.currentRoute}. Screen:\n${this.text()}`)
    return found
  }

  /**
   * The app's bottom sheets (class `sheet`, src/components/bottom-sheet.tsx) cover the page with a mask: while one is
   * open a finger can only reach it. Otherwise the page.
   */
  layerOnTop(): Element {
    const screen = this.screen()
    const sheets = [...elements(screen)].filter((element) => /(^|\s)sheet(\s|$)/.test(element.className))
    return sheets[sheets.length - 1] ?? screen
  }

  async tapElement(target: Element): Promise<void> {
    const button = ancestry(target).find((element) => element.tag === 'button')
    if (button?.attrs.disabled === true) throw new Error(`"${textOf(button)}" is disabled`)
    this.dispatchBubbling(target, 'tap', { x: 10, y: 10 })
    const openType = button?.attrs['open-type']
    if (openType === 'agreePrivacyAuthorization') {
      this.privacy.tapAgree(button!.id)
      this.dispatch(button!, 'agreeprivacyauthorization', {})
    } else if (openType === 'getPhoneNumber') {
      await this.phoneNumberButton(button!)
    } else if (openType === 'share') {
      this.share('button')
    } else if (openType === 'openSetting') {
      this.problems.push('open-type openSetting is not used by this app: prefer wx.openSetting from a tap')
    }
    await this.settle()
  }

  /** Types into the input or textarea whose placeholder (or aria-label) is `label`. */
  async fill(label: string, value: string): Promise<void> {
    await this.settle()
    const field = [...elements(this.screen())].find(
      (element) => ['input', 'textarea'].includes(element.tag) && [element.attrs.placeholder, element.attrs['aria-label']].includes(label),
    )
    if (!field) throw new Error(`no field "${label}" on ${this.currentRoute}. Screen:\n${this.text()}`)
    this.dispatch(field, 'focus', { value: String(field.attrs.value ?? ''), height: 0 })
    this.dispatch(field, 'input', { value, cursor: value.length, keyCode: 0 })
    this.dispatch(field, 'blur', { value, cursor: value.length })
    await this.settle()
  }

  /** Picks in the picker showing `text`: an option of a selector picker by its label, or a date/time/month value. */
  async pick(text: string | RegExp, value: string): Promise<void> {
    await this.settle()
    const shown = findByText(this.screen(), text)
    const picker = shown && ancestry(shown).find((element) => element.tag === 'picker')
    if (!picker) throw new Error(`no picker shows "${String(text)}" on ${this.currentRoute}`)
    const mode = String(picker.attrs.mode ?? 'selector')
    let detail: unknown = value
    if (mode === 'selector') {
      const range = (picker.attrs.range as unknown[] | undefined) ?? []
      const key = picker.attrs['range-key'] as string | undefined
      const index = range.findIndex((option) => String(key ? (option as Record<string, unknown>)[key] : option) === value)
      if (index < 0) throw new Error(`picker "${String(text)}" has no option "${value}" (options: ${range.join(', ')})`)
      detail = index
    }
    this.dispatch(picker, 'change', { value: detail })
    await this.settle()
  }

  async toggle(text: string | RegExp): Promise<void> {
    const shown = findByText(this.screen(), text)
    const row = shown && [...ancestry(shown)].reverse().find((element) => [...elements(element)].some((child) => child.tag === 'switch'))
    const control = row && [...elements(row)].find((element) => element.tag === 'switch')
    if (!control) throw new Error(`no switch near "${String(text)}"`)
    this.dispatch(control, 'change', { value: control.attrs.checked !== true })
    await this.settle()
  }

  async tapTab(text: string): Promise<void> {
    const tab = this.appJson.tabBar?.list.find((item) => item.text === text)
    if (!tab) throw new Error(`no tab "${text}"`)
    await this.pages.navigate('switchTab', tab.pagePath, {})
    this.pages.call(this.pages.top(), 'onTabItemTap', this.realm.toApp({ index: this.appJson.tabBar!.list.indexOf(tab), pagePath: tab.pagePath, text }))
    await this.settle()
  }

  // ---- WeChat's native map ----

  /** The `map` element on the current page, by its id (the only one without). */
  mapElement(id?: string): Element | null {
    if (!this.pages.length) return null
    const maps = [...elements(this.screen())].filter((element) => element.tag === 'map')
    return id === undefined ? (maps.length === 1 ? maps[0] : null) : (maps.find((element) => element.id === id) ?? null)
  }

  /** The map on the page: its element and what it shows. Fails when the page shows no map (or several). */
  map(): { element: Element; view: MapView; markers: Record<string, unknown>[] } {
    const element = this.mapElement()
    if (!element) throw new Error(`the page shows no map (or several) on ${this.currentRoute}. Screen:\n${this.text()}`)
    return { element, view: this.maps.view(element.id)!, markers: (element.attrs.markers as Record<string, unknown>[] | undefined) ?? [] }
  }

  /** Taps a marker of the map: WeChat sends markertap with the marker's id. */
  async tapMarker(markerId: number | string): Promise<void> {
    await this.settle()
    const { element, markers } = this.map()
    if (!markers.some((marker) => marker.id === markerId)) throw new Error(`the map has no marker ${String(markerId)}`)
    this.dispatch(element, 'markertap', { markerId })
    await this.settle()
  }

  /**
   * Drags (or pinches) the map to a new view, as a finger does: WeChat fires regionchange twice, `begin` caused by the
   * gesture and `end` caused by the drag (or the scale), with the new view in the detail.
   */
  async dragMap(to: { centre: LatLng; scale?: number }): Promise<void> {
    await this.settle()
    const { element, view } = this.map()
    const causedBy = to.scale !== undefined && to.scale !== view.scale ? 'scale' : 'drag'
    const before = { rotate: 0, skew: 0, scale: view.scale, centerLocation: { ...view.centre }, region: regionOf(view) }
    this.dispatch(element, 'regionchange', { ...before, type: 'begin', causedBy: 'gesture' }, { type: 'begin', causedBy: 'gesture' })
    const moved = this.maps.move(element.id, { centre: to.centre, scale: to.scale })
    const after = { rotate: 0, skew: 0, scale: moved.scale, centerLocation: { ...moved.centre }, region: regionOf(moved) }
    this.dispatch(element, 'regionchange', { ...after, type: 'end', causedBy }, { type: 'end', causedBy })
    await this.settle()
  }

  async back(): Promise<void> {
    await this.pages.back(1)
    await this.settle()
  }

  async scrollToBottom(): Promise<void> {
    this.pages.call(this.pages.top(), 'onReachBottom')
    await this.settle()
  }

  /** What the 转发 menu would send, and the path a friend opens. Fails when the page cannot be forwarded. */
  share(from: 'menu' | 'button' = 'menu'): { title: string; path: string; imageUrl?: string } {
    const instance = this.pages.top()
    const handler = instance.onShareAppMessage as Handler | undefined
    if (!handler) throw new Error(`${instance.route} cannot be forwarded: it has no onShareAppMessage`)
    const answer = handler.call(instance, this.realm.toApp({ from, webViewUrl: '' })) as { title?: string; path?: string; imageUrl?: string } | undefined
    return { title: answer?.title ?? '', path: answer?.path ?? `/${instance.route}`, imageUrl: answer?.imageUrl }
  }

  /** What 分享到朋友圈 would post: its title and the query the page is opened with. */
  shareTimeline(): { title: string; query: string } {
    const instance = this.pages.top()
    const handler = instance.onShareTimeline as Handler | undefined
    if (!handler) throw new Error(`${instance.route} cannot be shared to 朋友圈: it has no onShareTimeline`)
    const answer = handler.call(instance) as { title?: string; query?: string } | undefined
    return { title: answer?.title ?? '', query: answer?.query ?? '' }
  }

  /** Requests the app sent with a content type but no body: WeChat's and axios's defaults, which the app must not forward. */
  bodylessWithContentType(): SentRequest[] {
    return this.requests.filter((r) => !r.hasBody && Object.keys(r.appHeader).some((key) => key.toLowerCase() === 'content-type'))
  }

  /** Ends the session: unloads every page (what closing WeChat does); the storage stays with `storage`. */
  async close(): Promise<void> {
    this.pages.closeAll()
    await sleep(SETTLE_MS)
    this.realm.stopTimers()
  }

  /** WeChat's privacy prompt is waiting and the app shows its agree button on the current page. */
  privacyPromptShown(): boolean {
    return this.privacy.pendingApi !== null && this.agreeButton() !== null
  }

  private agreeButton(): Element | null {
    if (!this.pages.length) return null
    return [...elements(this.screen())].find((element) => element.tag === 'button' && element.attrs['open-type'] === 'agreePrivacyAuthorization') ?? null
  }

  /** The phone-number button: after the privacy gate, WeChat hands the app a one-time code naming the number (stand-in format). */
  private async phoneNumberButton(button: Element) {
    try {
      await this.privacy.pass('getPhoneNumber')
    } catch {
      this.dispatch(button, 'getphonenumber', { errMsg: 'getPhoneNumber:fail privacy permission is not authorized', errno: 104 })
      return
    }
    const phone = this.person.phoneNumber
    this.dispatch(
      button,
      'getphonenumber',
      phone === 'deny' ? { errMsg: 'getPhoneNumber:fail user deny' } : { errMsg: 'getPhoneNumber:ok', code: `phone-${phone}-${Date.now()}` },
    )
  }

  /** WeChat calls the handler of every element from the target up (events bubble through the page), each with its currentTarget. */
  private dispatchBubbling(target: Element, type: string, detail: unknown) {
    this.gesture = type === 'tap'
    try {
      for (const element of ancestry(target)) this.callHandler(element, type, detail, target)
    } finally {
      this.gesture = false
    }
  }

  /** `event` overrides the event's own fields: the map's regionchange arrives with type begin or end and its causedBy. */
  private dispatch(element: Element, type: string, detail: unknown, event?: Record<string, unknown>) {
    this.callHandler(element, type, detail, element, event)
  }

  private callHandler(element: Element, type: string, detail: unknown, target: Element, fields: Record<string, unknown> = {}) {
    const event = this.realm.toApp({
      ...fields,
      type: fields.type ?? type,
      timeStamp: Date.now(),
      detail,
      target: { id: target.id, dataset: { sid: target.sid }, offsetLeft: 0, offsetTop: 0 },
      currentTarget: { id: element.id, dataset: { sid: element.sid }, offsetLeft: 0, offsetTop: 0 },
      touches: [],
      changedTouches: [],
      mark: {},
    })
    const page = this.pages.top()
    this.activity.guard(`${type} on ${element.tag} "${textOf(element).slice(0, 30)}" (${page.route})`, () => (page.eh as Handler).call(page, event))
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
