import fs from 'node:fs'
import { asyncApi, fail, type ApiHost, type Options } from './api'
import type { PrivacyGate } from './privacy'

/** What the person holding the phone will answer when WeChat asks them something. */
export interface Person {
  /** Names the WeChat user: wx.login codes are `<user>-<n>`, which the stand-in WeChat server maps to one openid. */
  user: string
  /** The answer to WeChat's location permission prompt, asked once per scope. */
  locationPrompt: 'allow' | 'deny'
  /** Where the phone is (GCJ-02, as WeChat returns for type 'gcj02'). */
  position: { latitude: number; longitude: number }
  /** Files the album hands out next (chooseImage/chooseMedia), in order. */
  album: string[]
  /** The phone number WeChat's phone-number button hands over, or 'deny'. */
  phoneNumber: string | 'deny'
  /** What the user switches in the settings page that openSetting opens. */
  settingsChange: Record<string, boolean>
  /** accept or reject for subscription-message prompts. */
  subscribe: 'accept' | 'reject'
  /** Whether this WeChat user has agreed to the mini-program's 用户隐私保护指引 (WeChat remembers it). */
  agreedToPrivacy: boolean
}

export interface DeviceRecord {
  calendar: Record<string, unknown>[]
  clipboard: string[]
  phoneCalls: string[]
  openedLocations: { latitude: number; longitude: number; name?: unknown }[]
  subscriptionPrompts: string[][]
  miniPrograms: Record<string, unknown>[]
}

export interface DeviceContext {
  host: ApiHost
  person: Person
  privacy: PrivacyGate
  /** True only while the app handles a tap synchronously (WeChat's "user gesture"). */
  inGesture: () => boolean
  /** The app.json of the build: requiredPrivateInfos and permission. */
  appJson: { requiredPrivateInfos?: string[]; permission?: Record<string, { desc?: string }> }
  tempFiles: Map<string, string>
  record: DeviceRecord
  storage: Map<string, string>
  /** openSetting shows a settings page above the current one: the page hides and shows again. */
  coverPage: () => Promise<void>
  problems: string[]
}

const WINDOW = {
  windowWidth: 375,
  windowHeight: 667,
  screenWidth: 375,
  screenHeight: 812,
  pixelRatio: 3,
  statusBarHeight: 44,
  safeArea: { top: 44, left: 0, right: 375, bottom: 778, width: 375, height: 734 },
  screenTop: 0,
}
const BASE = { SDKVersion: '3.7.0', language: 'zh_CN', version: '8.0.54', theme: 'light', enableDebug: false, fontSizeSetting: 16, host: { env: 'WeChat' } }
const DEVICE = { brand: 'iPhone', model: 'iPhone 13', platform: 'ios', system: 'iOS 17.5', benchmarkLevel: 1 }

export function deviceApis(ctx: DeviceContext) {
  const { host, person, privacy, record } = ctx
  const auth: Record<string, boolean> = {}
  let loginSerial = 0
  let tempSerial = 0
  const api = (name: string, run: (o: Options) => Promise<Record<string, unknown>> | Record<string, unknown>) => asyncApi(host, name, run)
  const gestureOnly = (name: string) => {
    if (!ctx.inGesture()) throw fail(name, 'can only be invoked by user TAP gesture.')
  }
  /** A privacy API; with `gesture`, also one WeChat runs only inside a tap (checked before anything waits). */
  const privateApi = (name: string, run: (o: Options) => Promise<Record<string, unknown>> | Record<string, unknown>, gesture = false) =>
    api(name, async (o) => {
      if (gesture) gestureOnly(name)
      await privacy.pass(name)
      return run(o)
    })

  async function askScope(name: string, scope: string) {
    if (!ctx.appJson.permission?.[scope]?.desc) throw fail(name, `require permission desc: add permission["${scope}"].desc to app.json`)
    if (auth[scope] === undefined) auth[scope] = person.locationPrompt === 'allow'
    if (!auth[scope]) throw fail(name, 'auth deny')
  }

  function pickFiles(name: string, count: number) {
    const files = person.album.splice(0, Math.max(1, count))
    if (!files.length) throw fail(name, 'cancel')
    return files.map((file) => {
      tempSerial += 1
      const path = `http://tmp/wx-stand-in-${tempSerial}${file.endsWith('.png') ? '.png' : '.jpg'}`
      ctx.tempFiles.set(path, file)
      return { path, size: fs.statSync(file).size }
    })
  }

  return {
    getSystemInfoSync: () => host.toApp({ ...WINDOW, ...BASE, ...DEVICE }),
    getSystemInfo: api('getSystemInfo', () => ({ ...WINDOW, ...BASE, ...DEVICE })),
    getWindowInfo: () => host.toApp(WINDOW),
    getDeviceInfo: () => host.toApp(DEVICE),
    getAppBaseInfo: () => host.toApp(BASE),
    getSystemSetting: () => host.toApp({ bluetoothEnabled: false, locationEnabled: true, wifiEnabled: true, deviceOrientation: 'portrait' }),
    getAppAuthorizeSetting: () => host.toApp({ locationAuthorized: 'authorized', notificationAuthorized: 'authorized' }),
    getMenuButtonBoundingClientRect: () => host.toApp({ width: 87, height: 32, top: 48, right: 368, bottom: 80, left: 281 }),
    getAccountInfoSync: () => host.toApp({ miniProgram: { appId: 'stand-in', envVersion: 'release', version: '' } }),
    getNetworkType: api('getNetworkType', () => ({ networkType: 'wifi' })),
    onNetworkStatusChange: () => {},
    offNetworkStatusChange: () => {},
    canIUse: () => true,
    nextTick: (fn: () => void) => setTimeout(fn, 0),
    getStorageSync: (key: string) => (ctx.storage.has(key) ? JSON.parse(ctx.storage.get(key)!) : ''),
    setStorageSync: (key: string, value: unknown) => {
      if (value === undefined) return
      ctx.storage.set(key, JSON.stringify(value))
    },
    removeStorageSync: (key: string) => {
      ctx.storage.delete(key)
    },
    clearStorageSync: () => ctx.storage.clear(),
    getStorageInfoSync: () => host.toApp({ keys: [...ctx.storage.keys()], currentSize: 0, limitSize: 10240 }),
    getStorage: api('getStorage', (o) => {
      if (!ctx.storage.has(String(o.key))) throw fail('getStorage', 'data not found')
      return { data: JSON.parse(ctx.storage.get(String(o.key))!) }
    }),
    setStorage: api('setStorage', (o) => {
      ctx.storage.set(String(o.key), JSON.stringify(o.data))
      return {}
    }),
    removeStorage: api('removeStorage', (o) => {
      ctx.storage.delete(String(o.key))
      return {}
    }),

    login: api('login', () => {
      loginSerial += 1
      return { code: `${person.user}-${Date.now()}-${loginSerial}` }
    }),
    checkSession: api('checkSession', () => ({})),

    getSetting: api('getSetting', () => ({ authSetting: { ...auth } })),
    authorize: api('authorize', async (o) => {
      await askScope('authorize', String(o.scope))
      return {}
    }),
    openSetting: api('openSetting', async () => {
      gestureOnly('openSetting')
      Object.assign(auth, person.settingsChange)
      await ctx.coverPage()
      return { authSetting: { ...auth } }
    }),
    getFuzzyLocation: privateApi('getFuzzyLocation', async (o) => {
      if (!ctx.appJson.requiredPrivateInfos?.includes('getFuzzyLocation'))
        throw fail('getFuzzyLocation', 'the api need to be declared in the requiredPrivateInfos field in app.json/ext.json')
      await askScope('getFuzzyLocation', 'scope.userFuzzyLocation')
      if (o.type !== 'gcj02' && o.type !== 'wgs84') throw fail('getFuzzyLocation', `invalid type ${String(o.type)}`)
      // The same place in WGS-84 lies about half a kilometre west-south-west in 长春 (WeChat returns what was asked for).
      return o.type === 'gcj02' ? { ...person.position } : { latitude: person.position.latitude - 0.0012, longitude: person.position.longitude - 0.0065 }
    }),

    chooseImage: privateApi('chooseImage', (o) => {
      const files = pickFiles('chooseImage', Number(o.count ?? 9))
      return { tempFilePaths: files.map((f) => f.path), tempFiles: files }
    }),
    chooseMedia: privateApi('chooseMedia', (o) => {
      const files = pickFiles('chooseMedia', Number(o.count ?? 9))
      return { type: 'image', tempFiles: files.map((f) => ({ tempFilePath: f.path, size: f.size, fileType: 'image' })) }
    }),
    previewImage: api('previewImage', () => ({})),
    compressImage: api('compressImage', (o) => ({ tempFilePath: o.src })),

    addPhoneCalendar: privateApi(
      'addPhoneCalendar',
      (o) => {
        record.calendar.push({ title: o.title, startTime: o.startTime, endTime: o.endTime, location: o.location, description: o.description })
        return {}
      },
      true,
    ),
    setClipboardData: privateApi('setClipboardData', (o) => {
      record.clipboard.push(String(o.data))
      return {}
    }),
    makePhoneCall: api('makePhoneCall', (o) => {
      if (!/^[0-9+\-() ]{3,}$/.test(String(o.phoneNumber ?? ''))) throw fail('makePhoneCall', `invalid phoneNumber "${String(o.phoneNumber)}"`)
      record.phoneCalls.push(String(o.phoneNumber))
      return {}
    }),
    openLocation: api('openLocation', (o) => {
      const latitude = Number(o.latitude)
      const longitude = Number(o.longitude)
      if (!(Math.abs(latitude) <= 90) || !(Math.abs(longitude) <= 180)) throw fail('openLocation', 'invalid latitude or longitude')
      record.openedLocations.push({ latitude, longitude, name: o.name })
      return {}
    }),
    requestSubscribeMessage: api('requestSubscribeMessage', (o) => {
      gestureOnly('requestSubscribeMessage')
      const ids = (o.tmplIds as string[] | undefined) ?? []
      record.subscriptionPrompts.push([...ids])
      if (!ids.length || ids.length > 3) throw fail('requestSubscribeMessage', 'Templates count out of max bounds', { errCode: 20003 })
      return Object.fromEntries(ids.map((id) => [id, person.subscribe]))
    }),
    navigateToMiniProgram: api('navigateToMiniProgram', (o) => {
      record.miniPrograms.push({ appId: o.appId, path: o.path })
      return {}
    }),
    showShareMenu: api('showShareMenu', () => ({})),
    hideShareMenu: api('hideShareMenu', () => ({})),
    updateShareMenu: api('updateShareMenu', () => ({})),
    vibrateShort: api('vibrateShort', () => ({})),
    reportEvent: () => {},
    reportAnalytics: () => {},
    reportMonitor: () => {},
    getUpdateManager: () => ({ onCheckForUpdate: () => {}, onUpdateReady: () => {}, onUpdateFailed: () => {}, applyUpdate: () => {} }),
    getLaunchOptionsSync: () => host.toApp({ path: '', query: {}, scene: 1001, referrerInfo: {} }),
    getEnterOptionsSync: () => host.toApp({ path: '', query: {}, scene: 1001, referrerInfo: {} }),
  }
}
