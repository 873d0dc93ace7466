import fs from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const ARTIFACTS = path.resolve(__dirname, '../../test-results')

export const baseUrl = () => {
  const url = process.env.E2E_BASE_URL
  if (!url) throw new Error('E2E_BASE_URL is not set: run the browser tests with `npm run test:e2e`')
  return url
}

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`)
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
}

/** A phone-sized page; with `location`, the browser grants geolocation at that point. */
export async function openPhone(browser: Browser, location?: { latitude: number; longitude: number }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai', // the parents' clock, whatever the test machine's
    ...(location ? { geolocation: location, permissions: ['geolocation'] } : {}),
  })
  const page = await context.newPage()
  page.on('pageerror', (error) => console.error('page error:', error.message))
  return { context, page }
}

export async function screenshot(page: Page, name: string) {
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  await page.waitForTimeout(600) // let Taro's page slide-in finish
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) })
}

/** The newest development sign-in code the BFF logged for this phone (the default code sender writes them to its log). */
export async function signInCodeFromLog(phone: string, timeoutMs = 10_000): Promise<string> {
  const file = process.env.E2E_BFF_LOG
  if (!file) throw new Error('E2E_BFF_LOG is not set')
  const pattern = new RegExp(`sign-in code for ${phone}: (\\d{6})`, 'g')
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const codes = [...fs.readFileSync(file, 'utf8').matchAll(pattern)].map((m) => m[1])
    if (codes.length) return codes[codes.length - 1]
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`no sign-in code for ${phone} in the BFF log`)
}

/** Calls the real BFF as a client would (connection: close, so no socket outlives the test). */
export async function api<T>(path: string, init: { method?: string; body?: unknown; token?: string } = {}): Promise<T> {
  const headers: Record<string, string> = { connection: 'close' }
  if (init.body !== undefined) headers['content-type'] = 'application/json'
  if (init.token) headers.authorization = `Bearer ${init.token}`
  const response = await fetch(`${baseUrl()}${path}`, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) })
  const text = await response.text()
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${text}`)
  return (text ? JSON.parse(text) : undefined) as T
}

/** Signs in through the phone-code API, reading the code from the BFF log as a developer would. */
export async function signInByApi(phone: string): Promise<string> {
  await api('/api/auth/phone/code', { method: 'POST', body: { phone } })
  const code = await signInCodeFromLog(phone)
  const session = await api<{ accessToken: string }>('/api/auth/phone', { method: 'POST', body: { phone, code } })
  return session.accessToken
}
