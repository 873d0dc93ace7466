import type { Browser, Page } from 'playwright-core'
import type { InstitutionPage } from '../../types/institutions'
import type { PrepaymentStatus } from '../../types/prepayments'
import type { NetCost } from '../../types/subsidies'
import { seriousA11yViolations } from './axe'
import { api, baseUrl, field, launchBrowser, openPhone, screenshot, text } from './browser'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** This month in China, and the birth month of a child 14 months old now. */
function fourteenMonthsAgo(): string {
  const china = new Date(Date.now() + 8 * 3600_000)
  const index = china.getUTCFullYear() * 12 + china.getUTCMonth() - 14
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

const yuan = (amount: number) => `${String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}元`

type Found = { id: string; name: string; cost: NetCost; prepayment: PrepaymentStatus }

/** Two demo institutions with a 全日托 class for a 14-month-old now, as the BFF works out their net cost. */
async function twoWithAPlaceFor(birthMonth: string): Promise<Found[]> {
  const found: Found[] = []
  const list = await api<InstitutionPage>('/api/institutions?pageSize=50&serviceForm=full_day')
  for (const institution of list.items) {
    const cost = await api<NetCost>(`/api/institutions/${institution.id}/net-cost?birthMonth=${birthMonth}&form=full_day`)
    if (cost.firstMonth?.month !== cost.asOfMonth) continue
    const prepayment = await api<PrepaymentStatus>(`/api/institutions/${institution.id}/prepayment`)
    found.push({ id: institution.id, name: institution.name, cost, prepayment })
    if (found.length === 2) return found
  }
  throw new Error('fewer than two demo institutions have a 全日托 class for a 14-month-old')
}

async function expectNoSeriousViolations(page: Page, label: string) {
  await page.waitForLoadState('networkidle')
  await page.waitForTimeout(400) // Taro's page slide-in
  expect(await seriousA11yViolations(page, label)).toBeNull()
}

const panelOf = (page: Page) => page.getByTestId('net-cost-panel').filter({ visible: true })

async function openInstitution(page: Page, id: string) {
  await page.goto('about:blank')
  await page.goto(`${baseUrl()}#/pages/institution/index?id=${id}`)
  await page.getByTestId('device-birth-month').filter({ visible: true }).waitFor()
}

it('a parent of a 14-month-old sees the subsidy taken off each institution’s fee, and two institutions’ net monthly cost and prepaid-money badges side by side', async () => {
  const birthMonth = fourteenMonthsAgo()
  const [first, second] = await twoWithAPlaceFor(birthMonth)
  const { page, context } = await openPhone(browser)

  // No account: the birth month is typed once and kept on the phone.
  await openInstitution(page, first.id)
  await field(page, 'input[placeholder="出生年月（如 2025-09）"]').fill(birthMonth)
  await text(page, '计算费用').click()
  const panel = panelOf(page)
  await panel.waitFor()
  const month = first.cost.firstMonth!
  await expect(panel.getByTestId('net-cost-figure').textContent()).resolves.toBe(yuan(month.netYuan!))
  // The national subsidy, 300 yuan this month, is taken off the fee and 伙食费.
  expect(month.subsidyYuan).toBe(300)
  await expect(panel.getByTestId('net-cost-lines').textContent()).resolves.toContain(`−${yuan(300)}`)
  await expect(panel.getByTestId('net-cost-assumptions').textContent()).resolves.toContain('国家育儿补贴')
  await panel.scrollIntoViewIfNeeded()
  await screenshot(page, 'net-cost-institution')
  await expectNoSeriousViolations(page, 'institution page with the net monthly cost')
  await text(page, '加入对比').click()
  await text(page, '移出对比').waitFor()

  // The second institution: the birth month is already known.
  await page.goto('about:blank')
  await page.goto(`${baseUrl()}#/pages/institution/index?id=${second.id}`)
  await panelOf(page).waitFor()
  await expect(panelOf(page).getByTestId('net-cost-figure').textContent()).resolves.toBe(yuan(second.cost.firstMonth!.netYuan!))
  await text(page, '加入对比').click()

  // Side by side: each column its own net monthly cost and prepaid-money badge.
  await page.locator('.compare-tray__start').filter({ visible: true }).click()
  const table = page.locator('.compare-table').filter({ visible: true })
  await table.waitFor()
  for (const institution of [first, second]) {
    const column = table.locator(`.compare-table__column[data-id="${institution.id}"]`)
    const figure = column.getByTestId('net-cost-figure-compact')
    await figure.locator('.net-cost-figure__amount').filter({ hasText: '元' }).waitFor()
    await expect(figure.textContent()).resolves.toContain(yuan(institution.cost.firstMonth!.netYuan!))
    await column.locator('.prepay-badge').first().waitFor()
  }
  await screenshot(page, 'net-cost-compare')
  await expectNoSeriousViolations(page, 'compare with net monthly costs')
  await context.close()
})
