/** The environment, or any map of settings (tests pass plain objects). */
type Env = Record<string, string | undefined>

/** Where a development build of the mini-program finds the BFF (`npm start` listens there). */
export const DEVELOPMENT_API_BASE = 'http://127.0.0.1:3000'

/** A mini-program's AppID as the WeChat admin console shows it. */
const APP_ID = /^wx[0-9a-f]{16}$/

export interface WeappSettings {
  /** The BFF the mini-program calls; baked into the bundle. */
  apiBase: string
  /** TARO_APP_ID; Taro itself writes it into the build's project.config.json. Null in development when unset. */
  appId: string | null
}

/**
 * Build-time settings of the mini-program. A production build (any NODE_ENV but development: `npm run build:weapp`)
 * is what gets uploaded, so it must not fall back to the developer's BFF or to no AppID: it stops with every
 * missing or wrong setting named instead. Development builds (`npm run dev:weapp`) keep the local defaults.
 */
export function readWeappSettings(env: Env): WeappSettings {
  const production = env.NODE_ENV !== 'development'
  const apiBase = env.TARO_APP_API_BASE?.trim().replace(/\/+$/, '') || null
  const appId = env.TARO_APP_ID?.trim() || null
  const problems: string[] = []

  if (apiBase) {
    const problem = apiBaseProblem(apiBase, production)
    if (problem) problems.push(`TARO_APP_API_BASE ${problem}, got "${apiBase}"`)
  } else if (production) {
    problems.push(
      `TARO_APP_API_BASE is not set: the https address of the BFF (e.g. https://bff.example.cn); WeChat calls only https domain names registered as the mini-program's request domains`,
    )
  }
  if (appId) {
    if (!APP_ID.test(appId)) problems.push(`TARO_APP_ID must be the mini-program's AppID, "wx" and 16 hex digits (e.g. wx1234567890abcdef), got "${appId}"`)
  } else if (production) {
    problems.push(`TARO_APP_ID is not set: the mini-program's AppID (WeChat admin console 开发管理 → 开发设置), written into the build's project.config.json`)
  }

  if (problems.length) {
    const what = production ? `The production weapp build (NODE_ENV=${env.NODE_ENV ?? 'production'})` : 'The weapp build'
    throw new Error(
      `${what} needs its settings:\n${problems.map((p) => `  - ${p}`).join('\n')}\n` +
        `Development builds (npm run dev:weapp) need neither and call ${DEVELOPMENT_API_BASE}.`,
    )
  }
  return { apiBase: apiBase ?? DEVELOPMENT_API_BASE, appId }
}

function apiBaseProblem(value: string, production: boolean): string | null {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return 'must be an absolute URL'
  }
  if (url.search || url.hash || url.username || url.password) return 'must be a plain base address (no query, fragment or credentials)'
  if (!production) return ['http:', 'https:'].includes(url.protocol) ? null : 'must be an http:// or https:// URL'
  if (url.protocol !== 'https:') return 'must be an https:// URL in a production build (wx.request calls only https)'
  const host = url.hostname.replace(/^\[|\]$/g, '')
  if (host === 'localhost' || /^[0-9.]+$/.test(host) || host.includes(':')) {
    return 'must name a domain, not localhost or an IP address (WeChat allows only registered domain names)'
  }
  return null
}

/** For the Taro config: Taro would print a thrown error with a stack and a misleading "config not found" line. */
export function readWeappSettingsOrExit(env: Env): WeappSettings {
  try {
    return readWeappSettings(env)
  } catch (error) {
    console.error(`\n${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(1)
  }
}
