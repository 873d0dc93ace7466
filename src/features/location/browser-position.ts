/** How the browser is asked for the position, by the app (device-location.ts) and by index.html's early script alike. */
export const BROWSER_POSITION_OPTIONS: PositionOptions = { enableHighAccuracy: false, timeout: 10000, maximumAge: 10 * 60 * 1000 }
