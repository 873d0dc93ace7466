import type { Browser, Page } from 'playwright-core'
import type { InstitutionDetail } from '../../types/institutions'
import type { SanctionList } from '../../types/sanctions'
import { wgs84ToGcj02 } from '../../src/utils/gcj02'
import { api, baseUrl, launchBrowser, openPhone, screenshot } from './browser'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

// Taro's H5 router keeps earlier pages in the DOM, hidden: act on what is visible.
const visible = (page: Page, selector: string) => page.locator(selector).filter({ visible: true })

/** GCJ-02 (the registry's datum) back to the WGS-84 a phone's GPS reports, close enough to stand at the door. */
function gcj02ToWgs84(lat: number, lng: number) {
  const shifted = wgs84ToGcj02(lat, lng)
  return { latitude: 2 * lat - shifted.lat, longitude: 2 * lng - shifted.lng }
}

const chineseDate = (date: string) => {
  const [year, month, day] = date.split('-').map(Number)
  return `${year}年${month}月${day}日`
}

it('a sanctioned demo institution warns on its card and at the top of its page: measure, department, date, never the reason', async () => {
  // The demo registry's 失信与处罚公示; its newest entry is recent enough to still be a warning.
  const { items } = await api<SanctionList>('/api/sanctions?pageSize=1')
  expect(items).toHaveLength(1)
  const detail = await api<InstitutionDetail>(`/api/institutions/${items[0].institutionId}`)
  expect(detail.isDemo).toBe(true)
  const warning = detail.warning!
  expect(warning).toEqual({ kind: items[0].kind, measure: items[0].measure, department: items[0].department, decidedOn: items[0].decidedOn })
  const kindLabel = warning.kind === 'sanction' ? '行政处罚' : '信用警示'

  // A parent standing at its door: it is among the nearest cards.
  const { page, context } = await openPhone(browser, gcj02ToWgs84(detail.lat, detail.lng))
  await page.goto(baseUrl())
  const card = visible(page, '.institution-card').filter({ hasText: detail.name })
  await card.first().waitFor()
  const cardWarning = card.first().locator('.sanction-warning')
  await expect(cardWarning.textContent()).resolves.toContain(`${kindLabel}：${warning.measure}`)
  await expect(cardWarning.textContent()).resolves.toContain(warning.department)
  await expect(cardWarning.textContent()).resolves.toContain(chineseDate(warning.decidedOn))
  // The vacancies' update time reads as such, not as a number of places.
  await expect(card.first().textContent()).resolves.toMatch(/空位信息更新于 \d{4}年\d{1,2}月\d{1,2}日/)
  await screenshot(page, 'trust-card-warning')

  // On its page the warning comes right under the name, in the first screen, before any section.
  await card.first().click()
  const top = visible(page, '.page-institution .detail__header .sanction-warning')
  await top.waitFor()
  await expect(top.getAttribute('role')).resolves.toBe('alert')
  await expect(top.textContent()).resolves.toContain(`${kindLabel}：${warning.measure}`)
  await expect(top.textContent()).resolves.toContain(`${warning.department} · ${chineseDate(warning.decidedOn)}`)
  const box = await top.boundingBox()
  expect(box!.y + box!.height).toBeLessThan(844)
  const body = (await visible(page, '.page-institution').textContent()) ?? ''
  expect(body).not.toMatch(/某某/)
  await screenshot(page, 'trust-detail-warning')
  await context.close()
})
