import type { Browser, Page } from 'playwright-core'
import type { CompareResponse, InstitutionPage } from '../../types/institutions'
import { CHANGCHUN, api, baseUrl, launchBrowser, openPhone, screenshot } from './browser'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

// Taro's H5 router keeps earlier pages in the DOM, hidden: act on what is visible.
const visible = (page: Page, selector: string) => page.locator(selector).filter({ visible: true })

const LINE = /^(已成立（\d{4}年\d{1,2}月） · (\d+ 名成员在本应用|本应用内暂无成员) · (最近公告 .+|暂无公告)|未登记成立家长委员会( · .+)?)$/

it('the parent committee reads the same in compare and on the detail page: established with the registry date, however few members use the app', async () => {
  const { page, context } = await openPhone(browser, CHANGCHUN)
  await page.goto(baseUrl())
  await page.locator('.institution-card').nth(1).waitFor()
  const names: string[] = []
  for (const index of [0, 1]) {
    const card = page.locator('.institution-card').nth(index)
    names.push((await card.locator('.card__name').first().textContent()) ?? '')
    await card.locator('.compare-toggle').click()
  }
  await visible(page, '.compare-tray__start').click()
  const cells = visible(page, '[data-row="committee"] .compare-table__cell')
  await cells.nth(1).waitFor()
  const lines = await cells.allTextContents()
  await screenshot(page, 'committee-compare')

  const ids = await Promise.all(
    names.map(async (name) => (await api<InstitutionPage>(`/api/institutions?q=${encodeURIComponent(name)}`)).items.find((i) => i.name === name)!.id),
  )
  const { items } = await api<CompareResponse>(`/api/institutions/compare?ids=${ids.join(',')}`)
  for (const [index, item] of items.entries()) {
    expect(lines[index]).toMatch(LINE)
    // Established is the registry's date alone: an established committee with few members in the app is never 未成立.
    if (item.committee.establishedOn) {
      const [year, month] = item.committee.establishedOn.split('-').map(Number)
      expect(lines[index].startsWith(`已成立（${year}年${month}月）`)).toBe(true)
    } else {
      expect(lines[index].startsWith('未登记成立家长委员会')).toBe(true)
    }

    const detail = await context.newPage()
    await detail.goto(`${baseUrl()}#/pages/institution/index?id=${item.id}`)
    await visible(detail, '.page-institution').getByText(lines[index], { exact: true }).waitFor()
    await expect(visible(detail, '.page-institution').textContent()).resolves.not.toContain('未成立')
    await screenshot(detail, `committee-detail-${index}`)
    await detail.close()
  }
  await context.close()
})
