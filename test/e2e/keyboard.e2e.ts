import type { Browser, Page } from 'playwright-core'
import { CHANGCHUN, CHANGCHUN_GCJ02, api, baseUrl, launchBrowser, openPhone } from './browser'

/** WCAG 2.1.1: a parent who cannot tap (a keyboard, a switch device) reaches every control with Tab and presses it with Enter or Space. */

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

type Found = { total: number; items: Array<{ name: string }> }

const visible = (page: Page, selector: string) => page.locator(selector).filter({ visible: true })

/** Presses Tab until the focused element matches `selector` (and holds `text`); fails after `max` presses. */
async function tabTo(page: Page, selector: string, text = '', max = 80): Promise<void> {
  for (let press = 0; press < max; press += 1) {
    await page.keyboard.press('Tab')
    const reached = await page.evaluate(
      ({ selector, text }) => {
        const focused = document.activeElement
        return focused !== null && focused.matches(selector) && (focused.textContent ?? '').includes(text)
      },
      { selector, text },
    )
    if (reached) return
  }
  throw new Error(`Tab never reached ${selector} ${text}`)
}

/** The focused element shows where the keyboard is: an outline a sighted keyboard user can see (WCAG 2.4.7). */
async function expectFocusShown(page: Page) {
  const outline = await page.evaluate(() => {
    const style = getComputedStyle(document.activeElement!)
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) }
  })
  expect(outline.style).not.toBe('none')
  expect(outline.width).toBeGreaterThanOrEqual(1)
}

/** Every visible control of the page that a keyboard cannot reach, as "tag.class 'text'". */
async function unfocusableControls(page: Page): Promise<string[]> {
  await page.waitForTimeout(500)
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('[role="button"], [role="link"], [role="tab"], [role="checkbox"], [role="radio"], taro-button-core'))
      .filter((element) => {
        const rect = element.getBoundingClientRect()
        if (rect.width === 0 || rect.height === 0 || element.closest('[aria-hidden="true"]')) return false
        if (element.getAttribute('aria-disabled') === 'true' || element.hasAttribute('disabled')) return false
        return (element as HTMLElement).tabIndex < 0
      })
      .map((element) => `${element.tagName.toLowerCase()}.${element.className} '${(element.textContent ?? '').trim().slice(0, 20)}'`),
  )
}

it('with the keyboard alone a parent filters by 计时托, opens an institution, and every control there can be reached', async () => {
  const { page, context } = await openPhone(browser, CHANGCHUN)
  const hourly = await api<Found>(`/api/institutions?lat=${CHANGCHUN_GCJ02.lat}&lng=${CHANGCHUN_GCJ02.lng}&serviceForm=hourly&pageSize=3`)
  await page.goto(baseUrl())
  await visible(page, '.institution-card').first().waitFor()
  await expect(unfocusableControls(page)).resolves.toEqual([])

  await tabTo(page, '.service-form-chip', '计时托')
  await expectFocusShown(page)
  await page.keyboard.press('Enter')
  await page.getByText(`共 ${hourly.total} 家备案机构`).waitFor()
  await expect(visible(page, '.service-form-chip').filter({ hasText: '计时托' }).getAttribute('aria-checked')).resolves.toBe('true')
  await expect(visible(page, '.institution-card').first().textContent()).resolves.toContain(hourly.items[0].name)

  // Space toggles the chip off again; Enter on a card opens the institution.
  await page.keyboard.press(' ')
  await page.getByText(`共 ${hourly.total} 家备案机构`).waitFor({ state: 'detached' })
  await expect(visible(page, '.service-form-chip').filter({ hasText: '计时托' }).getAttribute('aria-checked')).resolves.toBe('false')
  await tabTo(page, '.institution-card')
  const name = (await page.evaluate(() => document.activeElement!.querySelector('.card__name')?.textContent)) ?? ''
  expect(name).not.toBe('')
  await page.keyboard.press('Enter')
  await visible(page, '.page-institution').getByText('托育服务与收费').waitFor()
  await expect(visible(page, '.page-institution').getByText(name).first().isVisible()).resolves.toBe(true)
  await expect(unfocusableControls(page)).resolves.toEqual([])
  await context.close()
})

it('with the keyboard alone a parent opens 我要投诉 (a Button) and a bulletin on 资讯 (a row); the complaint form is all reachable', async () => {
  const { page, context } = await openPhone(browser)
  await page.goto(`${baseUrl()}#/pages/complaints/index`)
  await visible(page, '.complaints-home__file').waitFor()
  await tabTo(page, '.complaints-home__file')
  await expect(page.evaluate(() => document.activeElement!.getAttribute('role'))).resolves.toBe('button')
  await expectFocusShown(page)
  await page.keyboard.press(' ')
  await page.getByText('未收录的机构', { exact: true }).filter({ visible: true }).waitFor()
  await expect(unfocusableControls(page)).resolves.toEqual([])

  await page.goto(`${baseUrl()}#/pages/info/index`)
  const row = visible(page, '[data-testid="bulletin-row"]').first()
  await row.waitFor()
  const title = ((await row.locator('.bulletin-row__title').textContent()) ?? '').trim()
  expect(title).not.toBe('')
  await tabTo(page, '[data-testid="bulletin-row"]', title)
  await page.keyboard.press('Enter')
  await visible(page, '.page-bulletin').waitFor()
  await page.getByText(title).filter({ visible: true }).first().waitFor()
  await context.close()
})
