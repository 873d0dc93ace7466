import type { Activity } from '../activity'
import type { AppJson, Handler, PageStack } from '../page-stack'
import { splitUrl } from '../page-stack'
import { asyncApi, type ApiHost, type Options } from './api'
import { deviceApis, type DeviceRecord, type Person } from './device'
import { createMapContext, type MapViews } from './map'
import { networkApis, type SentRequest } from './network'
import type { PrivacyGate } from './privacy'
import { intersectionObserver, selectorQuery } from './queries'
import { uiApis, type Overlays } from './ui'

export interface WxWorld {
  host: ApiHost
  activity: Activity
  pages: PageStack
  person: Person
  privacy: PrivacyGate
  appJson: AppJson
  /** The request domains of the mini-program's settings → the real servers behind them. */
  domains: Record<string, string>
  storage: Map<string, string>
  tempFiles: Map<string, string>
  record: DeviceRecord
  requests: SentRequest[]
  overlays: Overlays
  appShowListeners: Handler[]
  inGesture: () => boolean
  /** The views of the pages' `map` components. */
  maps: MapViews
}

/**
 * The `wx` object the build sees: WeChat's APIs as its documentation describes them. What WeChat does not have stays
 * undefined, so calling it throws in the app as it would on a phone.
 */
export function createWx(world: WxWorld): Record<string, unknown> {
  const { host, activity, pages, privacy } = world
  const device = deviceApis({ ...world, coverPage: () => pages.cover(), problems: activity.problems })
  const network = networkApis(host, { domains: world.domains, appId: 'wx-stand-in', tempFiles: world.tempFiles }, world.requests)
  // A test waits for the answers of requests and uploads before it looks at the screen.
  const counted = <T extends (o?: Options) => unknown>(fn: T) =>
    ((o: Options = {}) => {
      activity.inFlight += 1
      const answered = (key: 'success' | 'fail') => (result: unknown) => {
        activity.inFlight -= 1
        activity.touch()
        ;(o[key] as ((r: unknown) => void) | undefined)?.(result)
      }
      return fn({ ...o, success: answered('success'), fail: answered('fail') })
    }) as T
  const navigation = Object.fromEntries(
    (['navigateTo', 'redirectTo', 'switchTab', 'reLaunch'] as const).map((kind) => [
      kind,
      asyncApi(host, kind, (o) => pages.navigate(kind, ...splitUrl(String(o.url)))),
    ]),
  )
  const api: Record<string, unknown> = {
    ...device,
    ...uiApis(host, world.overlays),
    ...navigation,
    navigateBack: asyncApi(host, 'navigateBack', (o) => pages.back(Number(o.delta ?? 1))),
    request: counted(network.request),
    uploadFile: counted(network.uploadFile),
    onNeedPrivacyAuthorization: (listener: Handler) => privacy.onNeedPrivacyAuthorization(listener as never),
    getPrivacySetting: asyncApi(host, 'getPrivacySetting', () => ({
      needAuthorization: !privacy.agreed,
      privacyContractName: '《吉林托育小程序隐私保护指引》',
    })),
    requirePrivacyAuthorize: asyncApi(host, 'requirePrivacyAuthorize', async () => {
      await privacy.pass('requirePrivacyAuthorize')
      return {}
    }),
    openPrivacyContract: asyncApi(host, 'openPrivacyContract', () => ({})),
    onAppShow: (listener: Handler) => world.appShowListeners.push(listener),
    offAppShow: (listener: Handler) => world.appShowListeners.splice(world.appShowListeners.indexOf(listener) >>> 0, 1),
    onAppHide: () => {},
    offAppHide: () => {},
    onError: () => {},
    onUnhandledRejection: () => {},
    onPageNotFound: () => {},
    onMemoryWarning: () => {},
    createSelectorQuery: () => selectorQuery(host),
    createIntersectionObserver: intersectionObserver,
    createMapContext: createMapContext(host, world.maps, () => ({ ...world.person.position })),
    env: { USER_DATA_PATH: 'http://usr' },
  }
  return api
}
