import type { Browser, Page } from 'playwright-core'
import type { Me } from '../../types/me'
import type { SubsidyEstimate, SubsidyProgrammeList } from '../../types/subsidies'
import { seriousA11yViolations } from './axe'
import { CHANGCHUN, api, baseUrl, field, launchBrowser, openPhone, screenshot, signInCodeFromLog, text } from './browser'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** The month `monthsAgo` months before this one, China time ('YYYY-MM'). */
function chinaMonth(monthsAgo = 0): string {
  const now = new Date(Date.now() + 8 * 3_600_000)
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, 1))
  return `${month.getUTCFullYear()}-${String(month.getUTCMonth() + 1).padStart(2, '0')}`
}

/**
 * The national rule (the migration's programme): 300 元 a month from 2025-01, from the birth month until the month the
 * child turns 3, which is not paid. A 14-month-old born after 2024-12 has 36 − 14 = 22 months left, this month included.
 */
const AGE = 14
const BIRTH_MONTH = chinaMonth(AGE)
const NATIONAL_PER_MONTH = 300
const MONTHS_LEFT = 36 - AGE
const LEFT_YUAN = MONTHS_LEFT * NATIONAL_PER_MONTH
/** Yuan as the page writes them, thousands marked: 6600 → "6,600元". */
const yuan = (amount: number) => `${String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}元`

/**
 * What the summary must say: the national programme by the rule, plus whatever other programme the BFF applies to the
 * same child (none unless a regulator added one).
 */
async function expectedFigures(query: string): Promise<{ thisMonth: number; left: number }> {
  const estimate = await api<SubsidyEstimate>(`/api/subsidies/estimate?${query}`)
  const others = estimate.entitlements.filter((e) => e.programme.level !== 'national')
  return {
    thisMonth: NATIONAL_PER_MONTH + others.filter((e) => e.state === 'paying').reduce((sum, e) => sum + e.programme.amountPerMonthYuan, 0),
    left: LEFT_YUAN + others.reduce((sum, e) => sum + e.leftYuan, 0),
  }
}

const summary = (page: Page) => ({
  thisMonth: page.getByTestId('subsidy-this-month').filter({ visible: true }),
  left: page.getByTestId('subsidy-left').filter({ visible: true }),
})

async function expectNoSeriousViolations(page: Page, label: string) {
  await page.waitForLoadState('networkidle')
  await page.waitForTimeout(400) // Taro's page slide-in
  expect(await seriousA11yViolations(page, label)).toBeNull()
}

it('a parent of a 14-month-old, without an account, enters the birth month from the home screen and sees this month’s subsidy and what is left', async () => {
  const { items: programmes } = await api<SubsidyProgrammeList>('/api/subsidies/programmes')
  const national = programmes.find((p) => p.level === 'national')!
  expect(national).toMatchObject({ amountPerMonthYuan: NATIONAL_PER_MONTH, fromMonth: '2025-01', ageFromMonths: 0, ageToMonths: 36, renewYearly: true })
  expect(BIRTH_MONTH > '2024-12').toBe(true)
  const expected = await expectedFigures(`birthMonth=${BIRTH_MONTH}`)

  const { page, context } = await openPhone(browser, CHANGCHUN)
  const asked: string[] = []
  page.on('request', (request) => {
    if (request.url().includes('/api/')) asked.push(`${request.method()} ${new URL(request.url()).pathname}${new URL(request.url()).search}`)
  })
  await page.goto(baseUrl())
  await page.locator('.institution-card').first().waitFor()
  // The home screen only links to it: nothing about subsidies is fetched there.
  expect(asked.filter((r) => r.includes('subsid'))).toEqual([])
  await screenshot(page, 'subsidies-home-link')
  await page.getByRole('link', { name: '育儿补贴' }).filter({ visible: true }).click()
  await text(page, national.name).first().waitFor()
  await expectNoSeriousViolations(page, '育儿补贴 (no birth month yet)')

  await field(page, 'input[placeholder="出生年月（如 2025-09）"]').fill(BIRTH_MONTH)
  await text(page, '查看补贴').click()
  await expect(summary(page).thisMonth.textContent()).resolves.toBe(yuan(expected.thisMonth))
  await expect(summary(page).left.textContent()).resolves.toBe(yuan(expected.left))
  // The national programme's own line, from the rule: 22 months of 300 元.
  const card = page.getByTestId('subsidy-programme').filter({ visible: true }).filter({ hasText: national.name })
  await expect(card.textContent()).resolves.toContain(`还可领取 ${MONTHS_LEFT} 个月，共 ${yuan(LEFT_YUAN)}`)
  await expect(card.textContent()).resolves.toContain('领取中')
  await expect(card.textContent()).resolves.toContain('每年需确认')
  await expect(card.textContent()).resolves.toContain(`来源：${national.sourceDocument}`)
  await expect(card.textContent()).resolves.toContain('截至')
  // The assumptions are shown, not hidden behind a tap.
  await expect(page.getByRole('heading', { name: '估算依据' }).filter({ visible: true }).isVisible()).resolves.toBe(true)
  // On H5 the official site is a real link that opens in a new tab.
  if (national.officialUrl) {
    const link = card.getByRole('link', { name: /^前往官网申领/ })
    await expect(link.getAttribute('href')).resolves.toBe(national.officialUrl)
    await expect(link.getAttribute('target')).resolves.toBe('_blank')
    await expect(link.getAttribute('rel')).resolves.toContain('noopener')
  }
  await expectNoSeriousViolations(page, '育儿补贴 (a birth month on the device)')
  await screenshot(page, 'subsidies-birth-month')

  // The birth month stays on the device: sent only as the estimate's query, and there again on the next visit.
  expect(asked.filter((r) => r.includes(BIRTH_MONTH))).toEqual([expect.stringMatching(new RegExp(`^GET /api/subsidies/estimate\\?birthMonth=${BIRTH_MONTH}$`))])
  await expect(page.evaluate(() => localStorage.getItem('jilin-tuoyu/subsidy-birth-month'))).resolves.toContain(BIRTH_MONTH)
  await page.reload()
  await expect(summary(page).thisMonth.textContent()).resolves.toBe(yuan(expected.thisMonth))
  await context.close()
})

it('a signed-in parent opens 育儿补贴 from 我的 and sees it for the 14-month-old child they saved', async () => {
  const phone = '13800138301'
  const { page, context } = await openPhone(browser, CHANGCHUN)
  await page.goto(baseUrl())
  await page.getByText('我的', { exact: true }).first().click()
  await text(page, '我已阅读并同意').click()
  await field(page, 'input[placeholder="手机号"]').fill(phone)
  await text(page, '获取验证码').click()
  await field(page, 'input[placeholder="验证码"]').fill(await signInCodeFromLog(phone))
  await text(page, '登录').click()
  await text(page, '我关注的机构').waitFor()

  const stored = await page.evaluate(() => localStorage.getItem('jilin-tuoyu/session'))
  const token = /"accessToken\W+([^"\\]+)/.exec(stored ?? '')![1]
  const me = await api<Me>('/api/me', { token })
  for (const [kind, status] of [
    ['privacy_policy', me.consents.privacyPolicy],
    ['child_data', me.consents.childData],
  ] as const) {
    if (status.needed) await api('/api/me/consents', { method: 'POST', token, body: { kind, version: status.currentVersion, action: 'accept' } })
  }
  await api('/api/me/children', { method: 'POST', token, body: { nickname: '小禾', birthMonth: BIRTH_MONTH } })
  const expected = await expectedFigures(`birthMonth=${BIRTH_MONTH}`)
  await page.reload()
  await text(page, '小禾').first().waitFor()

  await text(page, '育儿补贴').first().click()
  await page.getByRole('heading', { name: '小禾的补贴' }).filter({ visible: true }).waitFor()
  await expect(summary(page).thisMonth.textContent()).resolves.toBe(yuan(expected.thisMonth))
  await expect(summary(page).left.textContent()).resolves.toBe(yuan(expected.left))
  await expect(field(page, 'input[placeholder="出生年月（如 2025-09）"]').count()).resolves.toBe(0)
  await expectNoSeriousViolations(page, '育儿补贴 (signed in with a child)')
  await screenshot(page, 'subsidies-child')
  await context.close()
})
