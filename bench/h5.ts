import fs from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core'
import { ensureH5Build } from '../scripts/taro-build'
import { startBff, stopBff } from '../test/support/bff-process'
import { CHANGCHUN, CHROMIUM_FLAGS, launchBrowser, openPhone } from '../test/e2e/browser'

/**
 * The H5 first screen as a parent on a slow phone network sees it: the production build served by the real BFF (embedded
 * database, demo data, as `npm start`), Debian's Chromium driven by Playwright under 1.6 Mbps down / 750 kbps up /
 * 150 ms latency per request (CDP Network.emulateNetworkConditions) and 4× CPU slowdown (Emulation.setCPUThrottlingRate),
 * location granted in 长春. Then Lighthouse's mobile performance score with location refused (its own simulated slow 4G).
 * Prints medians against the goals of issue 13; no pass/fail.
 * BENCH_H5_RUNS (default 3) cold and repeat visits; BENCH_LIGHTHOUSE_RUNS (default 3); BENCH_H5_DIR: serve that H5 build
 * (e.g. a copy of an earlier one, to compare) instead of building dist/h5. Lighthouse's last report goes to
 * .bench-data/lighthouse-h5.json.
 */
const ROOT = path.resolve(__dirname, '..')
const RUNS = Number(process.env.BENCH_H5_RUNS || 3)
const LIGHTHOUSE_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS || 3)
const H5_DIR = process.env.BENCH_H5_DIR ? path.resolve(process.env.BENCH_H5_DIR) : null
const REPORT = path.join(ROOT, '.bench-data/lighthouse-h5.json')
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const CARD = '.institution-card'

const GOALS = { cardMs: 1600, paintMs: 600, repeatCardMs: 700, score: 95, cls: 0.05 }

/** Lighthouse's mobile network (slow 4G), applied by the browser itself. */
const NETWORK = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
}

interface Shift {
  value: number
  at: number
  sources: string[]
}

declare global {
  interface Window {
    __bench?: { paint?: number; card?: number; shifts: Shift[] }
  }
}

/**
 * Run in the page before its own scripts: the first contentful paint as Chrome reports it (text, an image, SVG or a
 * non-white canvas; plain boxes and background colours do not count), and the frame in which the first institution
 * card is laid out inside the viewport (Taro keeps hidden pages in the DOM: a card of a hidden page does not count).
 * Both in ms from the start of the navigation. And every layout shift with the elements that moved (Lighthouse 12.2.3
 * cannot say which with this Chromium: its trace engine fails on the newer trace format).
 * A string, not a function: tsx's helpers do not exist in the page.
 */
const WATCH_FIRST_SCREEN = `(() => {
  const bench = (window.__bench = { shifts: [] })
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') bench.paint = entry.startTime
  }).observe({ type: 'paint', buffered: true })
  const describe = (node) => !node ? '?' : node.nodeType !== 1 ? describe(node.parentElement) :
    node.tagName.toLowerCase() + [...node.classList].map((c) => '.' + c).join('')
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (!entry.hadRecentInput) bench.shifts.push({ value: entry.value, at: entry.startTime, sources: entry.sources.map((s) => describe(s.node)) })
    }
  }).observe({ type: 'layout-shift', buffered: true })
  const check = (frameStart) => {
    for (const card of document.querySelectorAll(${JSON.stringify(CARD)})) {
      const box = card.getBoundingClientRect()
      if (box.width > 0 && box.height > 0 && box.top < innerHeight && box.bottom > 0 && card.checkVisibility({ visibilityProperty: true })) {
        bench.card = frameStart
        return
      }
    }
    requestAnimationFrame(check)
  }
  requestAnimationFrame(check)
})()`

interface Download {
  url: string
  type: string
  bytes: number
  encoding: string
  /** ms from the first request of the visit (the page itself) */
  startMs: number
  endMs: number
}

interface Visit {
  paintMs: number
  cardMs: number
  shifts: Shift[]
  downloads: Download[]
}

async function throttle(context: BrowserContext, page: Page): Promise<CDPSession> {
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', NETWORK)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
  return cdp
}

/** Every response's bytes on the wire (headers and compressed body), by resource type. */
function recordDownloads(cdp: CDPSession): Download[] {
  let firstRequest: number | null = null
  const started = new Map<string, number>()
  const pending = new Map<string, Omit<Download, 'bytes' | 'endMs'>>()
  const downloads: Download[] = []
  const since = (timestamp: number) => (timestamp - (firstRequest ?? timestamp)) * 1000
  cdp.on('Network.requestWillBeSent', (event) => {
    firstRequest ??= event.timestamp
    started.set(event.requestId, since(event.timestamp))
  })
  cdp.on('Network.responseReceived', (event) => {
    const encoding = event.response.headers['content-encoding'] ?? event.response.headers['Content-Encoding'] ?? 'identity'
    pending.set(event.requestId, { url: event.response.url, type: event.type ?? 'Other', encoding, startMs: started.get(event.requestId) ?? 0 })
  })
  cdp.on('Network.loadingFinished', (event) => {
    const response = pending.get(event.requestId)
    if (response) downloads.push({ ...response, bytes: event.encodedDataLength, endMs: since(event.timestamp) })
  })
  return downloads
}

async function visit(context: BrowserContext, url: string): Promise<Visit> {
  const page = await context.newPage()
  try {
    const cdp = await throttle(context, page)
    const downloads = recordDownloads(cdp)
    await page.goto(url, { waitUntil: 'commit' })
    await page.waitForFunction(() => window.__bench?.card !== undefined && window.__bench?.paint !== undefined, null, { timeout: 60_000, polling: 100 })
    const marks = await page.evaluate(() => window.__bench!)
    return { paintMs: marks.paint!, cardMs: marks.card!, shifts: marks.shifts, downloads: [...downloads] }
  } finally {
    await page.close()
  }
}

/**
 * Location refused (the browser denies what it was not granted) on Lighthouse's phone screen (moto g power: 412×823 at
 * 1.75): when the page has settled, what moved on the way.
 */
async function refusedVisit(browser: Browser, url: string): Promise<{ paintMs: number; shifts: Shift[] }> {
  const context = await browser.newContext({
    viewport: { width: 412, height: 823 },
    deviceScaleFactor: 1.75,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })
  try {
    await context.addInitScript(WATCH_FIRST_SCREEN)
    const page = await context.newPage()
    await throttle(context, page)
    await page.goto(url, { waitUntil: 'networkidle', timeout: 60_000 })
    await page.waitForTimeout(1000)
    const marks = await page.evaluate(() => window.__bench!)
    return { paintMs: marks.paint ?? NaN, shifts: marks.shifts }
  } finally {
    await context.close()
  }
}

const layoutShift = (shifts: Shift[]) => shifts.reduce((total, shift) => total + shift.value, 0)

function printShifts(shifts: Shift[]) {
  const largest = [...shifts].sort((a, b) => b.value - a.value).slice(0, 4)
  for (const shift of largest) console.log(`    ${shift.value.toFixed(3)} at ${Math.round(shift.at)} ms: ${shift.sources.join(', ')}`)
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
const ms = (value: number) => `${Math.round(value)} ms`.padStart(8)
const versus = (ok: boolean, goal: string) => `goal ${goal} ${ok ? 'met' : 'NOT met'}`

function printDownloads(downloads: Download[]) {
  const sum = (type: string) => downloads.filter((d) => d.type === type).reduce((total, d) => total + d.bytes, 0)
  const assets = downloads.filter((d) => ['Document', 'Script', 'Stylesheet'].includes(d.type))
  const encodings = [...new Set(assets.map((d) => d.encoding))].join('/')
  console.log(
    `first screen downloads (cold, on the wire, ${encodings}): ${kb(sum('Document') + sum('Script') + sum('Stylesheet'))} of HTML+JS+CSS — HTML ${kb(sum('Document'))}, JS ${kb(sum('Script'))} in ${downloads.filter((d) => d.type === 'Script').length} files, CSS ${kb(sum('Stylesheet'))} in ${downloads.filter((d) => d.type === 'Stylesheet').length} files; API ${kb(sum('XHR') + sum('Fetch'))}, images ${kb(sum('Image'))}, fonts ${kb(sum('Font'))}`,
  )
  const shown = downloads.filter((d) => !d.url.startsWith('data:')).sort((a, b) => a.startMs - b.startMs)
  console.log('  waterfall of the first cold visit (ms from the page request: start → end, bytes):')
  for (const d of shown) {
    const url = new URL(d.url)
    console.log(
      `    ${`${Math.round(d.startMs)} → ${Math.round(d.endMs)}`.padEnd(13)} ${kb(d.bytes).padStart(9)}  ${d.type.padEnd(10)} ${url.pathname}${url.search}`,
    )
  }
}

async function browserVisits(url: string) {
  const browser = await launchBrowser()
  try {
    const cold: Visit[] = []
    const repeat: Visit[] = []
    for (let run = 0; run < RUNS; run++) {
      // A new context: an empty HTTP cache. Its second page: the same profile coming back, cache warm.
      const { context, page } = await openPhone(browser, CHANGCHUN)
      await page.close()
      await context.addInitScript(WATCH_FIRST_SCREEN)
      cold.push(await visit(context, url))
      repeat.push(await visit(context, url))
      await context.close()
    }
    const cardMs = median(cold.map((v) => v.cardMs))
    const paintMs = median(cold.map((v) => v.paintMs))
    const repeatCardMs = median(repeat.map((v) => v.cardMs))
    const all = (visits: Visit[], pick: (v: Visit) => number) => visits.map((v) => Math.round(pick(v))).join(', ')
    console.log(`\nH5 first screen, 1.6 Mbps / 150 ms / 4× CPU, location granted (长春), median of ${RUNS}:`)
    console.log(`first contentful paint   ${ms(paintMs)}   ${versus(paintMs <= GOALS.paintMs, '≤ 600 ms')}   (runs: ${all(cold, (v) => v.paintMs)})`)
    console.log(`first institution card   ${ms(cardMs)}   ${versus(cardMs <= GOALS.cardMs, '≤ 1600 ms')}   (runs: ${all(cold, (v) => v.cardMs)})`)
    console.log(
      `repeat visit, card       ${ms(repeatCardMs)}   ${versus(repeatCardMs <= GOALS.repeatCardMs, '≤ 700 ms')}   (runs: ${all(repeat, (v) => v.cardMs)}; paint ${all(repeat, (v) => v.paintMs)})`,
    )
    console.log(`  (card of the first cold visit at ${Math.round(cold[0].cardMs)} ms, paint at ${Math.round(cold[0].paintMs)} ms)`)
    console.log(
      `layout shift while loading ${layoutShift(cold[0].shifts).toFixed(3)} (first cold visit; runs: ${cold.map((v) => layoutShift(v.shifts).toFixed(3)).join(', ')})`,
    )
    printShifts(cold[0].shifts)
    printDownloads(cold[0].downloads)
    const repeatBytes = repeat[0].downloads.reduce((total, d) => total + d.bytes, 0)
    console.log(`repeat visit downloads ${kb(repeatBytes)} (${repeat[0].downloads.length} responses)`)
    const refused = await refusedVisit(browser, url)
    console.log(`location refused: first contentful paint ${Math.round(refused.paintMs)} ms, layout shift ${layoutShift(refused.shifts).toFixed(3)}`)
    printShifts(refused.shifts)
  } finally {
    await browser.close()
  }
}

interface LighthouseFigures {
  score: number
  cls: number
  lcpMs: number
  tbtMs: number
  fcpMs: number
  siMs: number
  costs: string[]
}

type Audit = {
  title: string
  numericValue?: number
  displayValue?: string
  details?: { type?: string; overallSavingsMs?: number; items?: Array<{ node?: { selector?: string; snippet?: string }; score?: number }> }
}

async function lighthouseOnce(url: string): Promise<LighthouseFigures> {
  const { default: lighthouse } = await import('lighthouse')
  const chromeLauncher = await import('chrome-launcher')
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    // The browser tests' flags (test/e2e/browser.ts), and the geolocation prompt answered "no".
    chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS, '--deny-permission-prompts'],
  })
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] })
    if (!result) throw new Error('Lighthouse returned no result')
    const audits = result.lhr.audits as Record<string, Audit>
    const value = (id: string) => audits[id]?.numericValue ?? NaN
    const costs = Object.values(audits)
      .filter((a) => a.details?.type === 'opportunity' && (a.details.overallSavingsMs ?? 0) > 0)
      .sort((a, b) => (b.details!.overallSavingsMs ?? 0) - (a.details!.overallSavingsMs ?? 0))
      .slice(0, 4)
      .map((a) => `${a.title} (${a.displayValue ?? `${Math.round(a.details!.overallSavingsMs!)} ms`})`)
    for (const id of ['bootup-time', 'mainthread-work-breakdown']) {
      if (audits[id]?.displayValue) costs.push(`${audits[id].title}: ${audits[id].displayValue}`)
    }
    const shifts = (audits['layout-shifts']?.details?.items ?? []).map((item) => `${item.node?.selector ?? '?'} ${item.score?.toFixed(3)}`)
    if (shifts.length) costs.push(`layout shifts: ${shifts.slice(0, 3).join(', ')}`)
    const lcpElement = audits['largest-contentful-paint-element']?.details?.items?.[0]
    if (lcpElement?.node?.snippet) costs.push(`LCP element: ${lcpElement.node.snippet.slice(0, 120)}`)
    fs.mkdirSync(path.dirname(REPORT), { recursive: true })
    fs.writeFileSync(REPORT, JSON.stringify(result.lhr))
    return {
      score: Math.round((result.lhr.categories.performance.score ?? 0) * 100),
      cls: value('cumulative-layout-shift'),
      lcpMs: value('largest-contentful-paint'),
      tbtMs: value('total-blocking-time'),
      fcpMs: value('first-contentful-paint'),
      siMs: value('speed-index'),
      costs,
    }
  } finally {
    chrome.kill()
  }
}

async function lighthouseRuns(url: string) {
  const runs: LighthouseFigures[] = []
  for (let run = 0; run < LIGHTHOUSE_RUNS; run++) runs.push(await lighthouseOnce(url))
  const mid = (pick: (f: LighthouseFigures) => number) => median(runs.map(pick))
  const score = mid((f) => f.score)
  const cls = mid((f) => f.cls)
  console.log(`\nLighthouse 12 mobile (simulated slow 4G, 4× CPU), location refused, median of ${LIGHTHOUSE_RUNS}:`)
  console.log(
    `performance score        ${String(score).padStart(8)}   ${versus(score >= GOALS.score, '≥ 95')}   (runs: ${runs.map((f) => f.score).join(', ')})`,
  )
  console.log(`cumulative layout shift  ${cls.toFixed(3).padStart(8)}   ${versus(cls <= GOALS.cls, '≤ 0.05')}`)
  console.log(
    `largest contentful paint ${ms(mid((f) => f.lcpMs))}   total blocking time ${ms(mid((f) => f.tbtMs))}   first contentful paint ${ms(mid((f) => f.fcpMs))}   speed index ${ms(mid((f) => f.siMs))}`,
  )
  console.log(`biggest costs (last run; full report in ${path.relative(ROOT, REPORT)}):`)
  for (const cost of runs[runs.length - 1].costs) console.log(`  ${cost}`)
}

export async function benchH5(): Promise<void> {
  if (!H5_DIR) ensureH5Build()
  const started = Date.now()
  const bff = await startBff({ name: 'bench-h5', env: H5_DIR ? { H5_DIR } : {} })
  try {
    await browserVisits(`${bff.url}/`)
    await lighthouseRuns(`${bff.url}/`)
  } finally {
    await stopBff(bff)
  }
  console.log(`(H5 bench took ${((Date.now() - started) / 1000).toFixed(0)} s)`)
}

if (require.main === module) {
  benchH5().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}
