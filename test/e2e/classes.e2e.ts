import type { Browser } from 'playwright-core'
import type { ClassSearchResult } from '../../types/classes'
import { expectNoSeriousA11yViolations } from './axe'
import { CHANGCHUN, CHANGCHUN_GCJ02, api, baseUrl, launchBrowser, openPhone, screenshot, signInCodeFromLog, text, field } from './browser'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

function monthsAgo(months: number): string {
  const now = new Date()
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, 1))
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`
}

it('a parent finds a class for a 14-month-old, signs up, sees it in 我的报名 and cancels', async () => {
  const { page, context } = await openPhone(browser, CHANGCHUN)
  const phone = '13800138005'
  const birthMonth = monthsAgo(14)

  await page.goto(baseUrl())
  await page.getByText('我的', { exact: true }).first().click()
  await text(page, '我已阅读并同意').click() // the privacy policy, before signing in
  await field(page, 'input[placeholder="手机号"]').fill(phone)
  await text(page, '获取验证码').click()
  await field(page, 'input[placeholder="验证码"]').fill(await signInCodeFromLog(phone))
  await text(page, '登录').click()
  await text(page, '我关注的机构').waitFor()

  // What the BFF says suits a child born 14 months ago near this parent: the app must show the same, nearest first.
  const expected = await api<ClassSearchResult>(`/api/classes?lat=${CHANGCHUN_GCJ02.lat}&lng=${CHANGCHUN_GCJ02.lng}&childBirthMonth=${birthMonth}&pageSize=50`)
  // One that can still be cancelled for a while: a class today may be past its cut-off, depending on the hour the test runs.
  const withSeats = expected.items.find((c) => c.seatsLeft > 0 && Date.parse(c.cancellableUntil) > Date.now() + 15 * 60_000)
  expect(withSeats).toBeDefined()
  for (const item of expected.items) {
    // The age at the class date: 14 months now, 15 by a class next month.
    expect(item.minAgeMonths).toBeLessThanOrEqual(15)
    expect(item.maxAgeMonths).toBeGreaterThanOrEqual(14)
  }

  await page.getByText('课堂', { exact: true }).first().click()
  await field(page, '[data-testid="class-card"]').first().waitFor()
  await text(page, '筛选').first().click()
  await field(page, 'input[placeholder="出生年月，如 2025-09"]').fill(birthMonth)
  await text(page, '查看结果').click()
  await text(page, `共 ${expected.total} 场，离您最近的在前`).waitFor()
  await expect(field(page, '[data-testid="class-card"]').first().textContent()).resolves.toContain(expected.items[0].title)
  await screenshot(page, 'classes-for-14-months')
  await expectNoSeriousA11yViolations(page, '课堂 for a 14-month-old')

  await field(page, '[data-testid="class-card"]').filter({ hasText: withSeats!.title }).first().click()
  await text(page, '立即报名').click()
  await text(page, '报名成功').first().waitFor()
  await screenshot(page, 'class-signed-up')
  await expectNoSeriousA11yViolations(page, 'class signed up')

  await page.goBack()
  await text(page, '我的报名').first().click()
  const upcoming = field(page, '[data-testid="upcoming"]').locator('[data-testid="sign-up-row"]').filter({ hasText: withSeats!.title })
  await upcoming.getByText('已报名').first().waitFor()
  await screenshot(page, 'my-sign-ups')
  await expectNoSeriousA11yViolations(page, 'my sign-ups')

  await upcoming.getByText('取消报名').first().click()
  await text(page, '确定').last().click()
  const past = field(page, '[data-testid="past"]').locator('[data-testid="sign-up-row"]').filter({ hasText: withSeats!.title })
  await past.getByText('已取消').first().waitFor()
  await expect(field(page, '[data-testid="upcoming"]').locator('[data-testid="sign-up-row"]').filter({ hasText: withSeats!.title }).count()).resolves.toBe(0)
  await screenshot(page, 'my-sign-ups-cancelled')
  await context.close()
})
