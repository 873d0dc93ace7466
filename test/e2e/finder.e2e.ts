import type { Browser, Page } from 'playwright-core'
import { CHANGCHUN, CHANGCHUN_GCJ02, baseUrl, launchBrowser, openPhone, screenshot, api } from './browser'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

type Page1 = { total: number; items: Array<{ name: string; serviceForms: string[]; fee: { amount: number; unit: string } | null }> }

const cards = (page: Page) => page.locator('.institution-card')

it('a parent finds the nearest institution, filters by 计时托, opens it and compares two', async () => {
  const { page, context } = await openPhone(browser, CHANGCHUN)
  const nearest = await api<Page1>(`/api/institutions?lat=${CHANGCHUN_GCJ02.lat}&lng=${CHANGCHUN_GCJ02.lng}&pageSize=3`)
  const hourly = await api<Page1>(`/api/institutions?lat=${CHANGCHUN_GCJ02.lat}&lng=${CHANGCHUN_GCJ02.lng}&serviceForm=hourly&pageSize=3`)
  expect(hourly.total).toBeLessThan(nearest.total)

  await page.goto(baseUrl())
  await cards(page).first().waitFor()
  await expect(cards(page).first().textContent()).resolves.toContain(nearest.items[0].name)
  await expect(cards(page).first().textContent()).resolves.toMatch(/\d+(\.\d+)? 公里/)
  await expect(page.getByText(`共 ${nearest.total} 家备案机构`).isVisible()).resolves.toBe(true)
  await screenshot(page, 'finder-nearest')

  await page.locator('.service-form-chip', { hasText: '计时托' }).click()
  await page.getByText(`共 ${hourly.total} 家备案机构`).waitFor()
  await expect(cards(page).first().textContent()).resolves.toContain(hourly.items[0].name)
  const visibleCards = await cards(page).allTextContents()
  expect(visibleCards.length).toBeGreaterThan(1)
  for (const text of visibleCards) expect(text).toContain('计时托')
  // The price shown is the hourly one, in its unit, not the monthly full-day fee.
  expect(hourly.items[0].fee).toMatchObject({ unit: 'hour' })
  await expect(cards(page).first().locator('.card__fee').textContent()).resolves.toBe(`计时托 ${hourly.items[0].fee!.amount} 元/小时`)
  for (const text of visibleCards) expect(text).toMatch(/计时托 \d+ 元\/小时/)
  await screenshot(page, 'finder-hourly')

  const [first, second] = hourly.items
  await cards(page).filter({ hasText: first.name }).click()
  await page.getByText('托育服务与收费').waitFor()
  await expect(page.getByText('统一社会信用代码').first().isVisible()).resolves.toBe(true)
  await page.getByText('加入对比', { exact: true }).click()
  await page.getByText('移出对比', { exact: true }).waitFor()
  await screenshot(page, 'institution-detail')

  await page.goBack()
  await cards(page).filter({ hasText: second.name }).click()
  await page.getByText('托育服务与收费').waitFor()
  await page.getByText('加入对比', { exact: true }).click()
  // Taro's H5 router keeps earlier pages in the DOM, hidden: act on the visible tray.
  await page.locator('.compare-tray__start').filter({ visible: true }).click()

  const table = page.locator('.compare-table')
  await table.waitFor()
  await expect(table.textContent()).resolves.toContain(first.name)
  await expect(table.textContent()).resolves.toContain(second.name)
  await expect(table.locator('.compare-table__column').count()).resolves.toBe(2)
  await screenshot(page, 'compare')
  await context.close()
})

it('without location permission the parent picks a 市州 and still gets a list', async () => {
  const { page, context } = await openPhone(browser) // no geolocation permission: the browser refuses
  const yanbian = await api<Page1>('/api/institutions?region=222400&sort=grade&pageSize=3')
  await page.goto(baseUrl())
  await page.getByText('延边朝鲜族自治州', { exact: true }).click()
  await page.getByText('全市', { exact: false }).first().click()
  await page.getByText(`共 ${yanbian.total} 家备案机构`).waitFor()
  await expect(cards(page).first().textContent()).resolves.toContain(yanbian.items[0].name)
  await expect(cards(page).first().textContent()).resolves.not.toContain('公里')
  // Once a region is picked the refusal is no longer news: one quiet line says what the list uses.
  await page.getByText('按 延边朝鲜族自治州 显示', { exact: false }).first().waitFor()
  await expect(page.getByText('未获得位置授权，请选择所在地区').isVisible()).resolves.toBe(false)
  await expect(page.getByText('改用定位', { exact: true }).first().isVisible()).resolves.toBe(true)
  await screenshot(page, 'finder-region')
  await context.close()
})

it('widening a search that matched nothing clears the filters but keeps the searched name', async () => {
  const { page, context } = await openPhone(browser, CHANGCHUN)
  const near = `lat=${CHANGCHUN_GCJ02.lat}&lng=${CHANGCHUN_GCJ02.lng}`
  const { items } = await api<Page1>(`/api/institutions?${near}&pageSize=50`)
  // An institution that offers no 计时托: searched by name with 计时托 selected, nothing matches.
  const target = items.find((item) => !item.serviceForms.includes('hourly'))!
  const hourlyByName = await api<Page1>(`/api/institutions?${near}&serviceForm=hourly&q=${encodeURIComponent(target.name)}`)
  expect(hourlyByName.total).toBe(0)

  await page.goto(baseUrl())
  await cards(page).first().waitFor()
  await page.locator('.service-form-chip', { hasText: '计时托' }).click()
  const search = page.locator('input[placeholder="搜索机构名称"]').filter({ visible: true })
  await search.fill(target.name)
  await page.locator('.finder__search-btn').filter({ visible: true }).click()
  await page.getByText('没有符合条件的机构').waitFor()

  await page.getByText(`清除筛选条件，保留搜索“${target.name}”`).click()
  await cards(page).filter({ hasText: target.name }).first().waitFor()
  await expect(search.inputValue()).resolves.toBe(target.name)
  for (const text of await cards(page).allTextContents()) expect(text).toContain(target.name)
  await context.close()
})
