import type { Browser } from 'playwright-core'
import { CHANGCHUN, CHANGCHUN_GCJ02, baseUrl, launchBrowser, openPhone, screenshot, signInCodeFromLog } from './browser'

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

it('a parent signs in with a phone code, adds a child after consenting, and the finder suggests the matching class', async () => {
  const { page, context } = await openPhone(browser, CHANGCHUN)
  const phone = '13800138000'
  const birthMonth = monthsAgo(14)
  const visible = (selector: string) => page.locator(selector).filter({ visible: true })

  await page.goto(baseUrl())
  await page.locator('.institution-card').first().waitFor()
  await page.getByText('我的', { exact: true }).click()

  // The policy is asked before signing in: until the box is ticked the buttons only say so, and nothing is sent.
  const agreement = visible('[role=checkbox]').filter({ hasText: '我已阅读并同意' })
  await expect(agreement.getAttribute('aria-checked')).resolves.toBe('false')
  await visible('input[placeholder="手机号"]').fill(phone)
  const codeRequests: string[] = []
  page.on('request', (request) => {
    if (request.url().includes('/api/auth/')) codeRequests.push(request.url())
  })
  await page.getByText('获取验证码', { exact: true }).filter({ visible: true }).click()
  await visible('input[placeholder="验证码"]').fill('123456')
  await page.getByText('登录', { exact: true }).filter({ visible: true }).click()
  await page.getByText('请先阅读并勾选同意《隐私政策》').filter({ visible: true }).first().waitFor()
  await page.waitForTimeout(300)
  expect(codeRequests).toEqual([])
  await expect(visible('input[placeholder="手机号"]').count()).resolves.toBe(1)
  await screenshot(page, 'sign-in-policy-unticked')

  await agreement.click()
  await expect(agreement.getAttribute('aria-checked')).resolves.toBe('true')
  await page.getByText('获取验证码', { exact: true }).filter({ visible: true }).click()
  const code = await signInCodeFromLog(phone)
  await visible('input[placeholder="验证码"]').fill(code)
  const me = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/me' && response.request().method() === 'GET')
  await page.getByText('登录', { exact: true }).filter({ visible: true }).click()
  // The BFF recorded the consent the parent ticked: 我的 does not ask for it again.
  const consents = ((await (await me).json()) as { consents: { privacyPolicy: { needed: boolean } } }).consents
  expect(consents.privacyPolicy.needed).toBe(false)
  await expect(page.getByText('请阅读并同意《隐私政策》').filter({ visible: true }).count()).resolves.toBe(0)

  await page.getByText('添加孩子', { exact: true }).filter({ visible: true }).click()
  await visible('input[placeholder="小名"]').fill('小明')
  await visible('input[placeholder="出生年月（如 2025-09）"]').fill(birthMonth)
  await page.getByText('保存', { exact: true }).filter({ visible: true }).click()
  // Children's data is sensitive: nothing is stored before the guardian's separate consent.
  await page.getByText('同意并继续', { exact: true }).filter({ visible: true }).click()
  await page.getByText('小明').filter({ visible: true }).first().waitFor()
  await page.getByText('1岁2个月').filter({ visible: true }).first().waitFor()
  await screenshot(page, 'me-with-child')

  const expected = (await (
    await fetch(`${baseUrl()}/api/institutions?lat=${CHANGCHUN_GCJ02.lat}&lng=${CHANGCHUN_GCJ02.lng}&childBirthMonth=${birthMonth}&pageSize=3`, {
      headers: { connection: 'close' },
    })
  ).json()) as { total: number; items: Array<{ name: string }> }
  await page.getByText('找托育', { exact: true }).click()
  await page.getByText('按 小明', { exact: false }).filter({ visible: true }).first().click()
  await page.getByText(`共 ${expected.total} 家备案机构`).filter({ visible: true }).waitFor()
  const firstCard = page.locator('.institution-card').filter({ visible: true }).first()
  await expect(firstCard.textContent()).resolves.toContain(expected.items[0].name)
  await expect(firstCard.textContent()).resolves.toMatch(/适合：.*托小/)
  await screenshot(page, 'finder-suggested-for-child')
  await context.close()
})
