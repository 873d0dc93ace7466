import { execFileSync } from 'node:child_process'
import { randomInt } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { bffClient } from '../support/bff-client'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { wgs84ToGcj02 } from '../../src/utils/gcj02'

const ROOT = path.resolve(__dirname, '../..')
const SYSTEM_CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const ARTIFACTS = path.resolve(__dirname, '../../test-results')

export const baseUrl = () => {
  const url = process.env.E2E_BASE_URL
  if (!url) throw new Error('E2E_BASE_URL is not set: run the browser tests with `npm run test:e2e`')
  return url
}

/** Chromium as these tests run it (also what bench/h5.ts hands Lighthouse). */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
// @sparticuz/chromium's flags are made for AWS Lambda. --single-process crashes the browser when a test closes its
// context and opens the next; the other two turn off security a real phone's browser has.
const NOT_FOR_TESTS = ['--single-process', '--disable-web-security', '--allow-running-insecure-content']

/**
 * The Chromium that @sparticuz/chromium ships inside the npm package (unpacked to /tmp/chromium on first use): no
 * system package needed. It is an ES module, which jest's CommonJS test files cannot load: a child node unpacks it.
 */
function packagedChromium(): { executablePath: string; args: string[] } {
  const script = `const { default: chromium } = await import('@sparticuz/chromium')
process.stdout.write(JSON.stringify({ executablePath: await chromium.executablePath(), args: chromium.args }))`
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  })
  return JSON.parse(output) as { executablePath: string; args: string[] }
}

/**
 * Debian's Chromium when installed (or CHROMIUM_PATH), else the one from npm. Neither needs a CJK font for the tests:
 * they read text from the page, not from pixels (screenshots show Chinese only with fonts-wqy-zenhei or similar).
 */
export async function launchBrowser(): Promise<Browser> {
  if (process.env.CHROMIUM_PATH && !fs.existsSync(process.env.CHROMIUM_PATH)) throw new Error(`CHROMIUM_PATH: no browser at ${process.env.CHROMIUM_PATH}`)
  if (fs.existsSync(SYSTEM_CHROMIUM)) return chromium.launch({ executablePath: SYSTEM_CHROMIUM, args: CHROMIUM_FLAGS })
  const packaged = packagedChromium()
  const args = [...packaged.args.filter((flag) => !NOT_FOR_TESTS.includes(flag)), ...CHROMIUM_FLAGS]
  return chromium.launch({ executablePath: packaged.executablePath, args })
}

/** A phone in 长春. Its browser reports GPS (WGS-84); the app asks the BFF in GCJ-02, the registry's datum. */
export const CHANGCHUN = { latitude: 43.88, longitude: 125.32 }
export const CHANGCHUN_GCJ02 = wgs84ToGcj02(CHANGCHUN.latitude, CHANGCHUN.longitude)

/** A phone's own network address, as the BFF (behind its proxy, see global-setup) sees it. */
export const networkAddress = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`

/** A phone-sized page on a network of its own; with `location`, the browser grants geolocation at that point. */
export async function openPhone(browser: Browser, location?: { latitude: number; longitude: number }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai', // the parents' clock, whatever the test machine's
    extraHTTPHeaders: { 'x-forwarded-for': networkAddress() },
    ...(location ? { geolocation: location, permissions: ['geolocation'] } : {}),
  })
  const page = await context.newPage()
  page.on('pageerror', (error) => console.error('page error:', error.message))
  return { context, page }
}

/** What a parent sees: the visible element whose whole text is `value` (Taro keeps hidden pages in the DOM). */
export const text = (page: Page, value: string) => page.getByText(value, { exact: true }).filter({ visible: true })
/** The visible elements matching `selector`. */
export const field = (page: Page, selector: string) => page.locator(selector).filter({ visible: true })

export async function screenshot(page: Page, name: string) {
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  await page.waitForTimeout(600) // let Taro's page slide-in finish
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) })
}

/** The BFF of the run as a client calls it (test/support/bff-client.ts): api, signInCodeFromLog, signInByApi. */
function client() {
  const file = process.env.E2E_BFF_LOG
  if (!file) throw new Error('E2E_BFF_LOG is not set: run the browser tests with `npm run test:e2e`')
  return bffClient(baseUrl(), file)
}

export const signInCodeFromLog = (phone: string, options?: { after?: number; timeoutMs?: number }) => client().signInCodeFromLog(phone, options)
export const api = <T>(path: string, init?: { method?: string; body?: unknown; token?: string }) => client().api<T>(path, init)
export const signInByApi = (phone: string) => client().signInByApi(phone)
