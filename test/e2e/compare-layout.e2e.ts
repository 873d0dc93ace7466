import type { Browser, Locator, Page } from 'playwright-core'
import { CHANGCHUN, baseUrl, launchBrowser, openPhone, screenshot } from './browser'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const visible = (page: Page, selector: string) => page.locator(selector).filter({ visible: true })

async function box(locator: Locator) {
  const found = await locator.boundingBox()
  if (!found) throw new Error('not on screen')
  return found
}

/** What a finger at the middle of `locator` would touch: the element itself (or inside it), not something on top. */
async function reachable(page: Page, locator: Locator): Promise<boolean> {
  const { x, y, width, height } = await box(locator)
  const handle = await locator.elementHandle()
  return page.evaluate(
    ([element, px, py]) => {
      const hit = document.elementFromPoint(px as number, py as number)
      return !!hit && (element as Element).contains(hit)
    },
    [handle, x + width / 2, y + height / 2] as const,
  )
}

it('at 390×844 the compare tray sits above the tab bar, and in compare the names and row labels stay in view', async () => {
  const { page, context } = await openPhone(browser, CHANGCHUN)
  await page.goto(baseUrl())
  await page.locator('.institution-card').nth(2).waitFor()
  const names: string[] = []
  for (const index of [0, 1, 2]) {
    const card = page.locator('.institution-card').nth(index)
    names.push((await card.locator('.card__name').first().textContent()) ?? '')
    await card.locator('.compare-toggle').click()
  }

  // 开始对比 is wholly above the tab bar and a tap reaches it.
  const start = visible(page, '.compare-tray__start')
  await start.waitFor()
  const tabBar = await box(visible(page, '.taro-tabbar__tabbar'))
  const button = await box(start)
  expect(button.y + button.height).toBeLessThanOrEqual(tabBar.y)
  await expect(reachable(page, start)).resolves.toBe(true)
  await screenshot(page, 'compare-tray')
  await start.click()

  const scroller = visible(page, '.compare__scroll')
  const table = visible(page, '.compare-table')
  await table.waitFor()
  await page.waitForTimeout(600) // Taro's page slide-in
  await expect(table.locator('.compare-table__column').count()).resolves.toBe(3)
  const label = table.locator('[data-row] .compare-table__label').first()
  const firstColumn = table.locator('.compare-table__column').first()
  // The table scrolls inside the screen: its last row can be reached without the page moving.
  const view = await box(scroller)
  expect(view.y + view.height).toBeLessThanOrEqual(844)
  const labelBefore = await box(label)
  const columnBefore = await box(firstColumn)

  // Sideways: the institutions move under the row labels, which stay where they were.
  await scroller.evaluate((element) => element.scrollTo({ left: element.scrollWidth }))
  await page.waitForTimeout(300)
  expect((await box(firstColumn)).x).toBeLessThan(columnBefore.x - 50)
  const labelAfter = await box(label)
  expect(labelAfter.x).toBeCloseTo(labelBefore.x, 0)
  expect(labelAfter.x).toBeGreaterThanOrEqual(view.x)
  await expect(reachable(page, label)).resolves.toBe(true)
  await screenshot(page, 'compare-scrolled-sideways')

  // Down: the row of institution names stays at the top of the table.
  const head = table.locator('.compare-table__row--head')
  const lastName = table.locator('.compare-table__name').filter({ hasText: names[2] })
  await scroller.evaluate((element) => element.scrollTo({ top: element.scrollHeight }))
  await page.waitForTimeout(300)
  expect(Math.abs((await box(head)).y - view.y)).toBeLessThan(2)
  await expect(reachable(page, lastName)).resolves.toBe(true)
  await screenshot(page, 'compare-scrolled-down')
  await context.close()
})
