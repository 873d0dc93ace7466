import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { ClassSearchResult } from '../../types/classes'
import type { InstitutionDetail, InstitutionPage } from '../../types/institutions'
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
const titleBar = (page: Page) => visible(page, '.title-bar')

/** A parent taps a shared link: the page opens first, with no page before it. */
const openLink = (page: Page, path: string) => page.goto(`${baseUrl()}/#${path}`)

/** The web map is on the internet: answer for it here, and keep every other outside address unreached. */
async function standInForTheWebMap(context: BrowserContext) {
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => {
    if (new URL(route.request().url()).host === 'uri.amap.com') return route.fulfill({ contentType: 'text/html', body: '<title>高德地图</title>' })
    return route.abort()
  })
}

it('an institution page opened from a link: a title bar with 返回 and 首页, 导航 to a web map, the phone as a tel: link', async () => {
  const {
    items: [first],
  } = await api<InstitutionPage>('/api/institutions?pageSize=1')
  const detail = await api<InstitutionDetail>(`/api/institutions/${first.id}`)
  const { page, context } = await openPhone(browser, CHANGCHUN)
  await standInForTheWebMap(context)

  await openLink(page, `/pages/institution/index?id=${detail.id}`)
  const institution = visible(page, '.page-institution')
  await institution.locator('.detail__name').getByText(detail.name, { exact: true }).waitFor()

  // The bar carries the page's title (the institution's name) between 返回 and 首页.
  await titleBar(page).getByRole('heading', { name: detail.name }).waitFor()
  await expect(titleBar(page).getByText('返回').isVisible()).resolves.toBe(true)
  await expect(titleBar(page).getByText('首页', { exact: true }).isVisible()).resolves.toBe(true)

  // The number is on the page and dials when tapped.
  const phone = institution.locator(`a[href="tel:${detail.phone}"]`)
  await expect(phone.isVisible()).resolves.toBe(true)
  await expect(phone.textContent()).resolves.toContain(detail.phone)
  await screenshot(page, 'institution-from-link')

  // 导航 opens 高德's web map at the institution's GCJ-02 coordinates, beside the app.
  const [map] = await Promise.all([context.waitForEvent('page'), institution.getByText('导航', { exact: true }).click()])
  await map.waitForLoadState()
  const url = new URL(map.url())
  expect(`${url.origin}${url.pathname}`).toBe('https://uri.amap.com/marker')
  expect(url.searchParams.get('position')).toBe(`${detail.lng},${detail.lat}`)
  expect(url.searchParams.get('name')).toBe(detail.name)
  expect(url.searchParams.get('coordinate')).toBe('gaode')
  await map.close()

  // Nothing came before this page: 返回 goes to the home tab, which has no title bar.
  await titleBar(page).getByText('返回').click()
  await visible(page, '.institution-card').first().waitFor()
  expect(new URL(page.url()).hash).toMatch(/^#\/pages\/index\/index/)
  await titleBar(page).first().waitFor({ state: 'hidden' }) // once the institution page has slid away

  // With a page before it, 返回 goes back there.
  await visible(page, '.institution-card').first().click()
  await visible(page, '.page-institution .detail__name').waitFor()
  await titleBar(page).getByText('返回').click()
  await visible(page, '.institution-card').first().waitFor()
  expect(new URL(page.url()).hash).toMatch(/^#\/pages\/index\/index/)
  await context.close()
})

it('a class page opened from a link: the centre’s phone is a tel: link and 首页 goes to the home tab', async () => {
  const {
    items: [item],
  } = await api<ClassSearchResult>('/api/classes?pageSize=1')
  const { page, context } = await openPhone(browser, CHANGCHUN)
  await standInForTheWebMap(context)

  await openLink(page, `/pages/class/index?id=${item.id}`)
  const classPage = visible(page, '.page-class')
  await classPage.getByText(item.title, { exact: true }).first().waitFor()
  const phone = classPage.locator(`a[href="tel:${item.centre.phone}"]`)
  await expect(phone.isVisible()).resolves.toBe(true)
  await expect(phone.textContent()).resolves.toContain(item.centre.phone)

  await titleBar(page).getByText('首页', { exact: true }).click()
  await visible(page, '.institution-card').first().waitFor()
  expect(new URL(page.url()).hash).toMatch(/^#\/pages\/index\/index/)
  await context.close()
})

it('a tab that cannot load offline says so with 重试, and 重试 loads it once the network is back', async () => {
  const { page, context } = await openPhone(browser, CHANGCHUN)
  await page.goto(baseUrl())
  await visible(page, '.institution-card').first().waitFor()

  // Offline after the first screen: the 资讯 tab's page script (loaded on first open) cannot be fetched.
  const scripts = /\/js\/[^/]+\.js(\?.*)?$/
  await page.route(scripts, (route) => route.abort('internetdisconnected'))
  await page.getByText('资讯', { exact: true }).first().click()
  const error = visible(page, '.page-load-error')
  await error.getByText('页面加载失败').waitFor()
  await expect(error.getByText('重试', { exact: true }).isVisible()).resolves.toBe(true)
  await screenshot(page, 'tab-offline')

  await page.unroute(scripts)
  await error.getByText('重试', { exact: true }).click()
  await visible(page, '.page-info').getByText('政策与指南').first().waitFor()
  await expect(page.locator('.page-load-error').count()).resolves.toBe(0)
  await context.close()
})
