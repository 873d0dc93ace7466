import Taro from '@tarojs/taro'
import { takeEarlyPosition } from '../../services/early-answers'
import { wgs84ToGcj02 } from '../../utils/gcj02'
import { BROWSER_POSITION_OPTIONS } from './browser-position'

/** GCJ-02, like the registry's coordinates and every Chinese map: the API measures distances between the two. */
export type Position = { lat: number; lng: number }
/**
 * `refused`: the parent said no to this mini-program in WeChat; only WeChat's settings page (openSetting) undoes it.
 * `denied`: the system, the browser or the privacy prompt refused. `failed`: anything else (timeout, no signal).
 */
export type LocationFailure = 'refused' | 'denied' | 'failed'

export class LocationError extends Error {
  constructor(
    readonly reason: LocationFailure,
    message: string,
  ) {
    super(message)
  }
}

// WeChat's errMsg once the scope is refused: "getFuzzyLocation:fail auth deny" / "…:fail authorize no response".
const REFUSED = /auth deny|auth denied|authorize no response/i
const DENIED = /auth|deny|denied|permission|privacy/i

/** The position index.html's script already asked for (H5, permission granted before), else the browser's. */
async function fromBrowser(): Promise<Position> {
  return (await takeEarlyPosition()) ?? askBrowser()
}

function askBrowser(): Promise<Position> {
  return new Promise((resolve, reject) => {
    if (typeof navigator === 'undefined' || !navigator.geolocation) {
      reject(new LocationError('failed', 'geolocation unavailable'))
      return
    }
    navigator.geolocation.getCurrentPosition(
      // The browser gives WGS-84 (GPS).
      (position) => resolve(wgs84ToGcj02(position.coords.latitude, position.coords.longitude)),
      (error) => reject(new LocationError(error.code === error.PERMISSION_DENIED ? 'denied' : 'failed', error.message)),
      BROWSER_POSITION_OPTIONS,
    )
  })
}

async function fromMiniProgram(): Promise<Position> {
  try {
    // Fuzzy location is the data-minimal choice for "nearby" and is declared in requiredPrivateInfos.
    const result = await Taro.getFuzzyLocation({ type: 'gcj02' })
    return { lat: result.latitude, lng: result.longitude }
  } catch (error) {
    const message = (error as { errMsg?: string } | undefined)?.errMsg ?? String(error)
    throw new LocationError(REFUSED.test(message) ? 'refused' : DENIED.test(message) ? 'denied' : 'failed', message)
  }
}

/** The parent's approximate position in GCJ-02, or a LocationError saying why there is none. */
export function getDevicePosition(): Promise<Position> {
  return process.env.TARO_ENV === 'h5' ? fromBrowser() : fromMiniProgram()
}

/**
 * WeChat's settings page, where a parent who refused location can allow it. WeChat opens it only from a tap:
 * call this synchronously in the tap handler. Resolves whether location is allowed when they come back.
 */
export function openLocationSetting(): Promise<boolean> {
  return (
    Taro.openSetting()
      // Taro's AuthSetting type predates getFuzzyLocation's scope.
      .then((result) => (result.authSetting as Record<string, boolean | undefined>)['scope.userFuzzyLocation'] === true)
      .catch(() => false)
  )
}
