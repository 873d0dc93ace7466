import Taro from '@tarojs/taro'

export type Position = { lat: number; lng: number }
export type LocationFailure = 'denied' | 'failed'

export class LocationError extends Error {
  constructor(readonly reason: LocationFailure, message: string) {
    super(message)
  }
}

const DENIED = /auth|deny|denied|permission|privacy/i

function fromBrowser(): Promise<Position> {
  return new Promise((resolve, reject) => {
    if (typeof navigator === 'undefined' || !navigator.geolocation) {
      reject(new LocationError('failed', 'geolocation unavailable'))
      return
    }
    navigator.geolocation.getCurrentPosition(
      (position) => resolve({ lat: position.coords.latitude, lng: position.coords.longitude }),
      (error) => reject(new LocationError(error.code === error.PERMISSION_DENIED ? 'denied' : 'failed', error.message)),
      { enableHighAccuracy: false, timeout: 10000, maximumAge: 10 * 60 * 1000 },
    )
  })
}

async function fromMiniProgram(): Promise<Position> {
  try {
    // Fuzzy location is the data-minimal choice for "nearby" and is declared in requiredPrivateInfos.
    const result = await Taro.getFuzzyLocation({ type: 'wgs84' })
    return { lat: result.latitude, lng: result.longitude }
  } catch (error) {
    const message = (error as { errMsg?: string } | undefined)?.errMsg ?? String(error)
    throw new LocationError(DENIED.test(message) ? 'denied' : 'failed', message)
  }
}

/** The parent's approximate position, or a LocationError saying whether they refused or it failed. */
export function getDevicePosition(): Promise<Position> {
  return process.env.TARO_ENV === 'h5' ? fromBrowser() : fromMiniProgram()
}
