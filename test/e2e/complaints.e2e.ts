import type { Browser } from 'playwright-core'
import { expectNoSeriousA11yViolations } from './axe'
import { api, baseUrl, launchBrowser, openPhone, screenshot } from './browser'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

it('a parent files an anonymous abuse report, sees the 110 notice, and follows it with the tracking number and secret', async () => {
  const { page, context } = await openPhone(browser) // no location needed to complain
  const visible = (selector: string) => page.locator(selector).filter({ visible: true })
  const text = (value: string) => page.getByText(value, { exact: true }).filter({ visible: true })

  await page.goto(baseUrl())
  await page.getByText('投诉', { exact: true }).first().click()
  await text('我要投诉').click()

  await text('未收录的机构').click()
  await visible('input[placeholder="机构名称"]').fill('阳光小区家庭看护点')
  await visible('input[placeholder="地址"]').fill('延吉市光明街88号3单元')
  await text('延边朝鲜族自治州').click()
  await text('疑似虐童').click()

  // The fast lane: before anything is sent the parent is told to call 110 if a child is in danger now.
  await page.getByText('如孩子正处于危险中，请立即拨打 110 报警').filter({ visible: true }).waitFor()
  await expect(text('拨打 110').isVisible()).resolves.toBe(true)
  await screenshot(page, 'complaint-abuse-110-notice')
  await expectNoSeriousA11yViolations(page, 'complaint form, 110 notice')
  await text('我已知晓，继续提交').click()

  await visible('textarea[placeholder="请描述发生了什么"]').fill('接孩子时看到看护人员用力拍打孩子的头部，孩子哭得很厉害，手臂上有淤青。')
  await visible('input[placeholder="发生时间（如 2026-11-20 14:30）"]').fill('2026-11-27 16:40')
  const anonymous = page.getByText('匿名提交', { exact: true }).filter({ visible: true })
  await expect(anonymous.isVisible()).resolves.toBe(true)
  await text('提交').click()

  const trackingNumber = (await visible('.complaint-tracking-number').first().textContent())!.trim()
  const secret = (await visible('.complaint-secret').first().textContent())!.trim()
  expect(trackingNumber).toMatch(/^TS\d{8}[A-Z0-9]{6}$/)
  expect(secret.length).toBeGreaterThanOrEqual(12)
  await screenshot(page, 'complaint-filed')
  await expectNoSeriousA11yViolations(page, 'complaint filed')

  // A fresh browser, as if on another phone: only the number and the secret lead to it.
  const other = await openPhone(browser)
  await other.page.goto(baseUrl())
  await other.page.getByText('投诉', { exact: true }).first().click()
  await other.page.getByText('查询进度', { exact: true }).filter({ visible: true }).click()
  await other.page.locator('input[placeholder="查询编号"]').filter({ visible: true }).fill(trackingNumber)
  await other.page.locator('input[placeholder="查询码"]').filter({ visible: true }).fill(secret)
  await other.page.getByText('查询', { exact: true }).filter({ visible: true }).click()
  await other.page.getByText(trackingNumber).filter({ visible: true }).first().waitFor()
  await other.page.getByText('已提交').filter({ visible: true }).first().waitFor()
  const followText = await other.page.locator('body').textContent()
  expect(followText).toContain('公安')
  expect(followText).toContain('卫生健康')
  await screenshot(other.page, 'complaint-followed')
  await expectNoSeriousA11yViolations(other.page, 'complaint followed')
  await other.context.close()
  await context.close()
})

it('a parent picks a registered institution inside the form, and the filed screen says the true status and what comes next', async () => {
  const {
    items: [institution],
  } = await api<{ items: Array<{ id: string; name: string }> }>('/api/institutions?region=220100&sort=grade&pageSize=1')
  const { page, context } = await openPhone(browser)
  const visible = (selector: string) => page.locator(selector).filter({ visible: true })
  const text = (value: string) => page.getByText(value, { exact: true }).filter({ visible: true })

  await page.goto(baseUrl())
  await page.getByText('投诉', { exact: true }).first().click()
  await text('我要投诉').click()

  // No detour through 找托育: part of the name finds it in the registry.
  await visible('input[placeholder="搜索已收录的机构名称"]').fill(institution.name.slice(2))
  await page.getByLabel(`选择 ${institution.name}`).filter({ visible: true }).first().click()
  await expect(page.locator('.chip--selected').filter({ hasText: institution.name }).filter({ visible: true }).count()).resolves.toBe(1)

  await text('收费与退费').click()
  await visible('textarea[placeholder="请描述发生了什么"]').fill('入托时收取的押金至今未退，机构负责人不接电话。')
  await visible('input[placeholder="发生时间（如 2026-11-20 14:30）"]').fill('2026-11-20 09:30')
  await text('提交').click()

  await visible('.filed-success__title').waitFor()
  const status = visible('.filed-success__status')
  await expect(status.textContent()).resolves.toContain('已提交')
  await text('接下来：工作人员审核后决定是否受理，受理后转交市场监管部门办理。办理进度可凭查询编号随时查看。').waitFor()
  const body = (await page.locator('body').textContent())!
  expect(body).not.toContain('已转交')
  expect(body).toContain(institution.name)

  // The tracking number sits in groups; none of them is broken over two lines.
  const groups = visible('.complaint-tracking-number .tracking-code__group')
  await expect(groups.allTextContents()).resolves.toHaveLength(4)
  for (const group of await groups.all()) {
    const lines = await group.evaluate((el) => el.getClientRects().length)
    expect(lines).toBe(1)
  }
  await screenshot(page, 'complaint-filed-picked-institution')
  await context.close()
})
