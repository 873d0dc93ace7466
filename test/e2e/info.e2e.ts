import type { Browser, Page } from 'playwright-core'
import type { Stats } from '../../types/stats'
import type { Bulletin, BulletinList } from '../../types/bulletins'
import { api, baseUrl, launchBrowser, openPhone, screenshot } from './browser'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const YANBIAN = '222400'
const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
const visibleText = (page: Page, value: string) => page.getByText(value, { exact: true }).filter({ visible: true })

it('a parent opens the overview, switches to 延边, sees its figures, opens the latest evaluation bulletin and from it an institution', async () => {
  const stats = await api<Stats>('/api/stats')
  const yanbian = stats.cities.find((c) => c.regionCode === YANBIAN)!
  expect(yanbian.institutions).toBeGreaterThan(0)
  expect(yanbian.institutions).not.toBe(stats.province.institutions)

  const { page, context } = await openPhone(browser)
  await page.goto(baseUrl())
  await page.getByText('资讯', { exact: true }).first().click()

  const figures = page.getByTestId('stats-figures').filter({ visible: true })
  await expect(figures.textContent()).resolves.toContain(`${grouped(stats.province.institutions)} 家`)
  await expect(figures.textContent()).resolves.toContain(`${grouped(stats.province.places)} 个`)

  await page.locator('.stats__regions').getByText(yanbian.regionName, { exact: true }).click()
  await page
    .getByTestId('stats-figures')
    .filter({ visible: true })
    .getByText(`${grouped(yanbian.institutions)} 家`, { exact: true })
    .first()
    .waitFor()
  await expect(figures.textContent()).resolves.toContain(`${grouped(yanbian.places)} 个`)
  await expect(figures.textContent()).resolves.not.toContain(`${grouped(stats.province.places)} 个`)
  await screenshot(page, 'info-overview-yanbian')

  // The newest bulletin is the one the tab shows; it lists institutions with their new and previous levels.
  const {
    items: [latest],
  } = await api<BulletinList>('/api/bulletins?pageSize=1')
  const bulletin = await api<Bulletin>(`/api/bulletins/${latest.id}`)
  await page.getByTestId('bulletin-row').filter({ visible: true }).first().click()
  await visibleText(page, bulletin.title).first().waitFor()
  const entry = bulletin.entries.find((e) => e.change === 'down') ?? bulletin.entries[0]
  await screenshot(page, 'bulletin-detail')

  await page.getByTestId('bulletin-entry').filter({ visible: true }).filter({ hasText: entry.institutionName }).first().click()
  const institutionPage = page.locator('.page-institution').filter({ visible: true })
  await institutionPage.locator('.detail__name').getByText(entry.institutionName, { exact: true }).waitFor()
  await institutionPage.getByText(entry.levelLabel).first().waitFor()
  await screenshot(page, 'institution-from-bulletin')
  await context.close()
})
