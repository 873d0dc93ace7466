import type { Browser, Page } from 'playwright-core'
import type { MapSettings } from '../../types/map'
import { expectNoSeriousA11yViolations } from './axe'
import { CHANGCHUN, baseUrl, launchBrowser, openPhone, screenshot, api } from './browser'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

type Item = { id: string; name: string; lat: number; lng: number }
type SearchPage = { total: number; items: Item[] }

const cardNames = (page: Page) => page.locator('.finder__list .institution-card .card__name').filter({ visible: true }).allTextContents()
const mapCanvas = (page: Page) => page.locator('.institution-map__canvas').filter({ visible: true })
const markers = (page: Page) => mapCanvas(page).locator('.leaflet-marker-icon[role="button"]')
const retry = (page: Page) => page.locator('.state__action').filter({ hasText: '重试', visible: true })
const tab = (page: Page, name: '列表' | '地图') => page.getByRole('tab', { name }).filter({ visible: true })

type Drawn = { number: number; name: string } | { cluster: number }

/** What the map shows, read as a screen reader would: each marker's accessible name. */
async function drawnMarkers(page: Page): Promise<Drawn[]> {
  const labels = await markers(page).evaluateAll((elements) => elements.map((element) => element.getAttribute('aria-label') ?? ''))
  return labels.map((label) => {
    const single = /^第 (\d+) 家：(.+)$/.exec(label)
    if (single) return { number: Number(single[1]), name: single[2] }
    const cluster = /^此处 (\d+) 家机构/.exec(label)
    if (!cluster) throw new Error(`a marker without a name: "${label}"`)
    return { cluster: Number(cluster[1]) }
  })
}

/**
 * A numbered marker n is list item n; with `all`, every loaded result is on the map once (alone or in a cluster).
 * Zoomed in, results out of view are not drawn.
 */
async function expectMarkersMatch(page: Page, names: string[], { all = true } = {}) {
  const drawn = await drawnMarkers(page)
  const represented = drawn.reduce((sum, marker) => sum + ('cluster' in marker ? marker.cluster : 1), 0)
  if (all) expect(represented).toBe(names.length)
  else expect(represented).toBeLessThanOrEqual(names.length)
  const numbers = drawn.flatMap((marker) => ('number' in marker ? [marker.number] : []))
  expect(new Set(numbers).size).toBe(numbers.length)
  for (const marker of drawn) if ('number' in marker) expect(marker.name).toBe(names[marker.number - 1])
}

async function waitForMarkers(page: Page) {
  await markers(page).first().waitFor()
  await page.waitForTimeout(300) // let Leaflet finish the fit and draw the markers of the final view
}

/** Taps the first marker in list order until it is marker 1 (a cluster zooms in on tap). */
async function tapMarkerOne(page: Page, name: string) {
  for (let round = 0; round < 12; round += 1) {
    const first = markers(page).first()
    const label = (await first.getAttribute('aria-label')) ?? ''
    await first.click()
    if (label === `第 1 家：${name}`) return
    await page.waitForTimeout(500)
  }
  throw new Error('marker 1 never showed on its own')
}

it('the map shows the list’s results on the BFF’s tiles; marker 1 is list item 1; 搜索此区域 searches what is visible', async () => {
  const { page, context } = await openPhone(browser, CHANGCHUN)
  const { tiles } = await api<MapSettings>('/api/map/settings')
  const tilePrefix = new URL(tiles.urlTemplate.slice(0, tiles.urlTemplate.indexOf('{')), baseUrl()).href
  const tileAnswers: number[] = []
  page.on('response', (response) => {
    if (response.url().startsWith(tilePrefix)) tileAnswers.push(response.status())
  })

  await page.goto(baseUrl())
  await page.locator('.finder__list .institution-card').first().waitFor()
  const listNames = await cardNames(page)
  expect(listNames.length).toBeGreaterThan(1)

  // The map: tiles from the service the settings name, all answered, and shown.
  await tab(page, '地图').click()
  await mapCanvas(page).waitFor()
  await mapCanvas(page).locator('img.leaflet-tile-loaded').first().waitFor()
  expect(tileAnswers.length).toBeGreaterThan(0)
  expect(tileAnswers.every((status) => status === 200)).toBe(true)
  await expect(mapCanvas(page).locator('.leaflet-control-attribution').textContent()).resolves.toContain(tiles.attribution)
  await waitForMarkers(page)
  await expectMarkersMatch(page, listNames)
  await expect(page.getByRole('button', { name: '搜索此区域' }).count()).resolves.toBe(0) // the first fit is not the parent's move
  await screenshot(page, 'map-results')
  await expectNoSeriousA11yViolations(page, 'finder map')

  // Marker 1 is the nearest: its card is the list's first, and opens the institution.
  await tapMarkerOne(page, listNames[0])
  const card = page.locator('.institution-map__card .institution-card').filter({ visible: true })
  await expect(card.locator('.card__name').textContent()).resolves.toBe(listNames[0])
  await expectMarkersMatch(page, listNames, { all: false }) // zoomed in: what is drawn still matches the list
  await card.click()
  await page.getByText('托育服务与收费').waitFor()
  await expect(page.getByText(listNames[0]).filter({ visible: true }).first().isVisible()).resolves.toBe(true)
  // Taro's router shades the page left behind once its slide-in ends (300 ms), even if Back came first: let it end.
  await page.waitForTimeout(400)
  await page.goBack()
  await mapCanvas(page).waitFor()
  await waitForMarkers(page)

  // By keyboard: the card closes, and Enter on marker 1 opens it again.
  await page.getByRole('button', { name: '关闭机构卡片' }).click()
  await expect(card.count()).resolves.toBe(0)
  const markerOne = mapCanvas(page).getByRole('button', { name: `第 1 家：${listNames[0]}` })
  await markerOne.focus()
  await page.keyboard.press('Enter')
  await expect(card.locator('.card__name').textContent()).resolves.toBe(listNames[0])

  // The parent drags the map east and searches there: the results are only what lies inside the visible area.
  const box = (await mapCanvas(page).boundingBox())!
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 }
  await page.mouse.move(centre.x, centre.y)
  await page.mouse.down()
  await page.mouse.move(centre.x - box.width / 3, centre.y + box.height / 5, { steps: 12 })
  await page.mouse.up()
  const searchHere = page.getByRole('button', { name: '搜索此区域' })
  await searchHere.waitFor()
  const [answer] = await Promise.all([
    page.waitForResponse((response) => response.url().includes('/api/institutions?') && response.url().includes('bbox=')),
    searchHere.click(),
  ])
  const bbox = new URL(answer.url()).searchParams.get('bbox')!.split(',').map(Number)
  const [west, south, east, north] = bbox
  expect(west).toBeLessThan(east)
  expect(south).toBeLessThan(north)
  const found = (await answer.json()) as SearchPage
  expect(found.items.length).toBeGreaterThan(0)
  for (const item of found.items) {
    expect(item.lng).toBeGreaterThanOrEqual(west)
    expect(item.lng).toBeLessThanOrEqual(east)
    expect(item.lat).toBeGreaterThanOrEqual(south)
    expect(item.lat).toBeLessThanOrEqual(north)
  }
  // The area is the one on screen: every result of it is drawn inside the map's box.
  await mapCanvas(page).waitFor()
  await waitForMarkers(page)
  const areaNames = found.items.map((item) => item.name)
  await expectMarkersMatch(page, areaNames)
  const canvas = (await mapCanvas(page).boundingBox())!
  for (const pin of await mapCanvas(page).locator('.map-pin').all()) {
    const at = (await pin.boundingBox())!
    const x = at.x + at.width / 2
    const y = at.y + at.height / 2
    expect(x).toBeGreaterThanOrEqual(canvas.x)
    expect(x).toBeLessThanOrEqual(canvas.x + canvas.width)
    expect(y).toBeGreaterThanOrEqual(canvas.y)
    expect(y).toBeLessThanOrEqual(canvas.y + canvas.height)
  }
  await expect(page.getByRole('button', { name: '搜索此区域' }).count()).resolves.toBe(0)
  await screenshot(page, 'map-area')

  // Back on the list: the same institutions, in the same order, as the map's numbers.
  await tab(page, '列表').click()
  await page.locator('.finder__list .institution-card').first().waitFor()
  await expect(cardNames(page)).resolves.toEqual(areaNames.slice(0, (await cardNames(page)).length))
  expect(areaNames).not.toEqual(listNames)
  await context.close()
})

it('when the map settings or the tiles fail the parent sees why and 重试 brings the map', async () => {
  const { page, context } = await openPhone(browser, CHANGCHUN)
  await page.route('**/api/map/settings', (route) => route.abort('connectionrefused'))
  await page.goto(baseUrl())
  await page.locator('.finder__list .institution-card').first().waitFor()
  await tab(page, '地图').click()
  await page.getByText('地图加载失败').filter({ visible: true }).waitFor()
  await page.unroute('**/api/map/settings')

  const { tiles } = await api<MapSettings>('/api/map/settings')
  const tilePattern = `${new URL(tiles.urlTemplate.slice(0, tiles.urlTemplate.indexOf('{')), baseUrl()).href}**`
  await page.route(tilePattern, (route) => route.fulfill({ status: 503, body: '' }))
  await retry(page).click()
  await mapCanvas(page).waitFor()
  await page.getByText('地图底图没有加载出来，请检查网络后重试').filter({ visible: true }).waitFor()
  await screenshot(page, 'map-tiles-failed')

  await page.unroute(tilePattern)
  await retry(page).click()
  await mapCanvas(page).locator('img.leaflet-tile-loaded').first().waitFor()
  await page.getByText('地图底图没有加载出来，请检查网络后重试').waitFor({ state: 'hidden' })
  await waitForMarkers(page)
  await context.close()
})
