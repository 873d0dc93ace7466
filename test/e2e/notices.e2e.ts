import type { Browser, Page } from 'playwright-core'
import { expectNoSeriousA11yViolations } from './axe'
import { api, baseUrl, launchBrowser, openPhone, screenshot, signInByApi, signInCodeFromLog, text, field } from './browser'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

async function signInOnH5(page: Page, phone: string) {
  await page.goto(baseUrl())
  await page.getByText('我的', { exact: true }).first().click()
  await text(page, '我已阅读并同意').click() // the privacy policy, before signing in
  await field(page, 'input[placeholder="手机号"]').fill(phone)
  await text(page, '获取验证码').click()
  await field(page, 'input[placeholder="验证码"]').fill(await signInCodeFromLog(phone))
  await text(page, '登录').click()
  await text(page, '我关注的机构').waitFor()
}

it('a committee member posts a pinned notice; a linked parent sees it first, unread, opens it and the read count goes up', async () => {
  const regulator = await signInByApi(process.env.E2E_REGULATOR_PHONE!)
  const {
    items: [institution],
  } = await api<{ items: Array<{ id: string; name: string }> }>('/api/institutions?region=220100&sort=grade&pageSize=1')
  const { code } = await api<{ code: string }>(`/api/institutions/${institution.id}/invitations`, { method: 'POST', body: {}, token: regulator })
  const title = '本周五家长开放日安排'

  // The committee member signs in, then the 长春 regulator grants them the committee role for this institution.
  const member = await openPhone(browser)
  await signInOnH5(member.page, '13900000011')
  await api('/api/admin/roles', { method: 'POST', token: regulator, body: { phone: '13900000011', role: 'committee', institutionId: institution.id } })
  await member.page.reload()
  // 我的 shows the member their committee and the way in.
  await text(member.page, institution.name).first().waitFor()
  await text(member.page, '家委会管理：发布公告、查看已读').click()
  await text(member.page, '发布公告').click()
  await field(member.page, 'input[placeholder="公告标题"]').fill(title)
  await field(member.page, 'textarea[placeholder="公告内容"]').fill('周五上午9点至11点开放参观，请家长凭邀请码入园。\n详情见 https://example.org/open-day')
  // Taro renders the Switch as a custom element next to its 置顶 label.
  await member.page.locator('taro-switch-core').filter({ visible: true }).first().click()
  await text(member.page, '发布').click()
  await text(member.page, title).first().waitFor()
  await screenshot(member.page, 'notice-posted')

  // A parent links to the institution with the invitation code.
  const parent = await openPhone(browser)
  await signInOnH5(parent.page, '13900000012')
  await text(parent.page, '我关注的机构').click()
  await field(parent.page, 'input[placeholder="8位邀请码"]').fill(code)
  await text(parent.page, '关注').click()
  await text(parent.page, institution.name).first().waitFor()
  await parent.page.goBack()
  await screenshot(parent.page, 'notice-unread-badge')
  // The 我的 tab carries the unread badge.
  await parent.page.locator('.weui-badge').filter({ visible: true, hasText: '1' }).first().waitFor()

  await text(parent.page, '我关注的机构').click()
  await text(parent.page, institution.name).first().click()
  await parent.page.getByText(title).filter({ visible: true }).first().waitFor()
  const listText = (await parent.page.locator('body').textContent()) ?? ''
  expect(listText.indexOf(title)).toBeGreaterThan(-1)
  expect(listText).toContain('未读')
  expect(listText).toContain('置顶')
  await screenshot(parent.page, 'notice-list-parent')
  await expectNoSeriousA11yViolations(parent.page, 'notices of a linked institution')

  await parent.page.getByText(title).filter({ visible: true }).first().click()
  await parent.page.getByText('周五上午9点至11点开放参观').filter({ visible: true }).first().waitFor()
  await parent.page.goBack()
  await parent.page.goBack()
  await parent.page.goBack()
  await text(parent.page, '我关注的机构').waitFor()
  await parent.page.locator('.weui-badge').filter({ visible: true }).first().waitFor({ state: 'hidden' })

  await member.page.reload()
  await member.page
    .getByText(/已读 1\/\d+/)
    .filter({ visible: true })
    .first()
    .waitFor()
  await screenshot(member.page, 'notice-read-count')
  await member.context.close()
  await parent.context.close()
})
