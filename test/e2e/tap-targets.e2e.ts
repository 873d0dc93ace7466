import type { Browser, Page } from 'playwright-core'
import type { InstitutionPage } from '../../types/institutions'
import { CHANGCHUN, api, baseUrl, launchBrowser, openPhone, screenshot, signInCodeFromLog, text } from './browser'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** WCAG 2.5.5 (AAA) and Apple's guideline: a finger needs at least 44×44 CSS px. */
const MIN = 44

// Taro's H5 components, native controls and anything announced as a control. Clickable Views carry a role.
const TARGETS = [
  'taro-button-core',
  'button',
  'a',
  'taro-input-core',
  'taro-textarea-core',
  'taro-checkbox-core',
  'taro-switch-core',
  'taro-radio-core',
  'taro-picker-core',
  '.weui-tabbar__item',
  ...['button', 'tab', 'link', 'checkbox', 'switch', 'radio', 'option', 'menuitem'].map((role) => `[role="${role}"]`),
].join(',')

/**
 * Every visible target of the page smaller than MIN either way, as "what 'its text' W×H". A checkbox, switch or radio
 * is measured with its label (tapping the label toggles it). Not counted: what is hidden or off screen, a link inside
 * a sentence (WCAG 2.5.8's inline exception), and a map marker: it sits where its institution is, so neighbours would
 * take each other's taps at 44 px (the map test holds markers to WCAG 2.5.8's 24 px).
 */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(
    ({ selector, min }) => {
      const hidden = (element: Element) => {
        const rect = element.getBoundingClientRect()
        if (rect.width === 0 || rect.height === 0) return true
        if (rect.right <= 0 || rect.left >= window.innerWidth) return true
        for (let node: Element | null = element; node; node = node.parentElement) {
          const style = getComputedStyle(node)
          if (style.visibility === 'hidden' || style.display === 'none' || style.opacity === '0') return true
          if (node.getAttribute('aria-hidden') === 'true') return true
        }
        return false
      }
      const controls = Array.from(document.querySelectorAll(selector))
      // Text that is not itself a control: a link with such text around it sits inside a sentence.
      const ownText = (element: Element) => {
        let text = ''
        element.childNodes.forEach((child) => {
          if (child.nodeType === Node.TEXT_NODE) text += child.textContent ?? ''
          else if (child instanceof Element && !child.matches(selector)) text += ownText(child)
        })
        return text.replace(/\s+/g, '')
      }
      const inSentence = (element: Element) => {
        const display = getComputedStyle(element).display
        const parent = element.parentElement
        return display === 'inline' && parent !== null && ownText(parent).length >= 4
      }
      const seen = new Set<Element>()
      const small: string[] = []
      for (const control of controls) {
        const toggle = control.matches('taro-checkbox-core, taro-switch-core, taro-radio-core, [role="checkbox"], [role="switch"], [role="radio"]')
        const target = (toggle && control.closest('taro-label-core, label')) || control
        if (seen.has(target)) continue
        seen.add(target)
        if (hidden(target) || inSentence(target) || target.matches('.leaflet-marker-icon')) continue
        let rect = target.getBoundingClientRect()
        if (rect.width >= min - 0.5 && rect.height >= min - 0.5) continue
        // A transparent ::after may grow the hit area beyond the box: probe where a tap lands, as the browser decides.
        target.scrollIntoView({ block: 'center', inline: 'nearest' })
        rect = target.getBoundingClientRect()
        const x = rect.left + rect.width / 2
        const y = rect.top + rect.height / 2
        const lands = (px: number, py: number) => {
          const hit = document.elementFromPoint(px, py)
          return hit !== null && target.contains(hit)
        }
        if (!lands(x, y)) continue // under a sheet or a fixed bar: not a target in this state
        const reach = (dx: number, dy: number) => {
          let step = 0
          while (step < min && lands(x + dx * (step + 1), y + dy * (step + 1))) step++
          return step
        }
        const width = reach(-1, 0) + reach(1, 0) + 1
        const height = reach(0, -1) + reach(0, 1) + 1
        if (width >= min - 1 && height >= min - 1) continue
        const name = `${target.tagName.toLowerCase()}${target.getAttribute('class') ? `.${target.getAttribute('class')!.trim().split(/\s+/).join('.')}` : ''}`
        const label = (target.getAttribute('aria-label') || target.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 24)
        small.push(`${name} '${label}' ${width}×${height}`)
      }
      return small
    },
    { selector: TARGETS, min: MIN },
  )
}

/** Collects the small targets of each state, prefixed with the state's name; the test fails once, listing them all. */
function survey() {
  const found: string[] = []
  return {
    found,
    async check(page: Page, state: string) {
      await page.waitForTimeout(400) // Taro's page slide-in and the sheet's rise
      for (const line of await smallTargets(page)) found.push(`${state}: ${line}`)
      await screenshot(page, `tap-${state}`)
    },
  }
}

const visible = (page: Page, selector: string) => page.locator(selector).filter({ visible: true })

it('the finder, its filters, an institution and the comparison offer 44 px targets on a phone', async () => {
  const { page, context } = await openPhone(browser, CHANGCHUN)
  const { found, check } = survey()
  await page.goto(baseUrl())
  await page.locator('.institution-card').nth(1).waitFor()
  await check(page, 'home')

  await visible(page, '.finder__filter-btn').click()
  await visible(page, '.filters').waitFor()
  await check(page, 'home-filters')
  await text(page, '关闭').first().click()

  await visible(page, '.location-bar__main').click()
  await visible(page, '.region-picker').waitFor()
  await check(page, 'home-region-picker')
  await text(page, '长春市').first().click()
  await check(page, 'home-region-picker-districts')
  await text(page, '关闭').first().click()

  for (const index of [0, 1]) await page.locator('.institution-card').nth(index).locator('.compare-toggle').click()
  await visible(page, '.compare-tray__start').waitFor()
  await check(page, 'home-compare-tray')

  await page.locator('.institution-card').first().click()
  await visible(page, '.page-institution').getByText('托育服务与收费').waitFor()
  await check(page, 'institution')
  await page.goBack()

  await visible(page, '.compare-tray__start').first().click()
  await visible(page, '.compare-table__column').nth(1).waitFor()
  await check(page, 'compare')
  await context.close()
  expect(found).toEqual([])
})

it('the map view offers 44 px targets: the 列表/地图 switch, Leaflet’s zoom, the markers, a card’s ×, 搜索此区域 and 清除区域', async () => {
  const { page, context } = await openPhone(browser, CHANGCHUN)
  const { found, check } = survey()
  await page.goto(baseUrl())
  await page.locator('.institution-card').nth(1).waitFor()
  await page.getByRole('tab', { name: '地图' }).filter({ visible: true }).click()
  const canvas = visible(page, '.institution-map__canvas')
  const markers = canvas.locator('.leaflet-marker-icon[role="button"]')
  await markers.first().waitFor()
  await page.waitForTimeout(300) // Leaflet's fit to the results
  await check(page, 'map')
  for (const marker of await markers.all()) {
    const size = (await marker.boundingBox())!
    expect(Math.min(size.width, size.height)).toBeGreaterThanOrEqual(24)
  }
  const zoom = await canvas.locator('.leaflet-control-zoom a').evaluateAll((links) => links.map((link) => link.getBoundingClientRect().height))
  expect(zoom).toHaveLength(2)

  // A cluster zooms in when tapped: tap the first marker until one opens its card (with the × to close it).
  const card = visible(page, '.institution-map__card')
  for (let round = 0; round < 12 && !(await card.count()); round += 1) {
    await markers.first().click()
    await page.waitForTimeout(500)
  }
  await card.waitFor()
  await check(page, 'map-card')

  // Dragged by the parent, the map offers 搜索此区域; searching it shows 清除区域 (and 加载更多 while more are found).
  const box = (await canvas.boundingBox())!
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await page.mouse.down()
  await page.mouse.move(box.x + box.width / 4, box.y + box.height / 2, { steps: 12 })
  await page.mouse.up()
  await page.getByRole('button', { name: '搜索此区域' }).waitFor()
  await check(page, 'map-moved')
  await page.getByRole('button', { name: '搜索此区域' }).click()
  await visible(page, '.finder__area-clear').waitFor()
  await markers.first().waitFor()
  await check(page, 'map-area')
  await context.close()
  expect(found).toEqual([])
})

it('without location, the region picker and the 改用定位 line offer 44 px targets', async () => {
  const { page, context } = await openPhone(browser)
  const { found, check } = survey()
  await page.goto(baseUrl())
  await text(page, '延边朝鲜族自治州').waitFor()
  await check(page, 'region-picker-refused')
  await text(page, '延边朝鲜族自治州').click()
  await page.getByText('全市', { exact: false }).first().click()
  await text(page, '改用定位').first().waitFor()
  await check(page, 'home-by-region')
  await context.close()
  expect(found).toEqual([])
})

it('complaints, info, articles and the committee offer 44 px targets', async () => {
  const { page, context } = await openPhone(browser)
  const { found, check } = survey()
  await page.goto(baseUrl())
  await page.getByText('投诉', { exact: true }).first().click()
  await text(page, '我要投诉').waitFor()
  await check(page, 'complaints')
  await text(page, '我要投诉').click()
  await text(page, '未收录的机构').waitFor()
  await check(page, 'complaint-form')
  await text(page, '未收录的机构').click()
  await visible(page, 'input[placeholder="机构名称"]').waitFor()
  await check(page, 'complaint-form-unlisted')

  await page.goto(baseUrl())
  await page.getByText('资讯', { exact: true }).first().click()
  await page.getByTestId('stats-figures').filter({ visible: true }).waitFor()
  await page.getByTestId('bulletin-row').filter({ visible: true }).first().waitFor()
  await check(page, 'info')

  await page.goto(`${baseUrl()}#/pages/articles/index`)
  await visible(page, '.page-articles').waitFor()
  await page.waitForTimeout(1000)
  await check(page, 'articles')

  for (const [state, route, root] of [
    ['bulletins', 'pages/bulletins/index', '.page-bulletins'],
    ['sanctions', 'pages/sanctions/index', '.page-sanctions'],
    ['privacy', 'pages/privacy/index', '.page-privacy'],
  ]) {
    await page.goto(`${baseUrl()}#/${route}`)
    await visible(page, root).waitFor()
    await page.waitForTimeout(1000)
    await check(page, state)
  }

  const { items } = await api<InstitutionPage>('/api/institutions?pageSize=1')
  await page.goto(`${baseUrl()}#/pages/committee/index?institutionId=${items[0].id}`)
  await visible(page, '.page-committee').waitFor()
  await page.waitForTimeout(1000)
  await check(page, 'committee')
  await context.close()
  expect(found).toEqual([])
})

it('signing in, 我的 and the classes offer 44 px targets', async () => {
  const { page, context } = await openPhone(browser, CHANGCHUN)
  const { found, check } = survey()
  const phone = '13800138044'
  await page.goto(baseUrl())
  await page.getByText('我的', { exact: true }).first().click()
  await text(page, '我已阅读并同意').waitFor()
  await check(page, 'sign-in')
  await text(page, '我已阅读并同意').click()
  await visible(page, 'input[placeholder="手机号"]').fill(phone)
  await text(page, '获取验证码').click()
  await visible(page, 'input[placeholder="验证码"]').fill(await signInCodeFromLog(phone))
  await text(page, '登录').click()
  await text(page, '我关注的机构').waitFor()
  await check(page, 'me')
  await text(page, '添加孩子').click()
  await text(page, '保存').waitFor()
  await check(page, 'child-editor')

  for (const [state, route, root] of [
    ['favourites', 'pages/favourites/index', '.page-favourites'],
    ['sign-ups', 'pages/sign-ups/index', '.page-sign-ups'],
    ['guidance', 'pages/guidance/index', '.page-guidance'],
    ['guidance-new', 'pages/guidance/new', '.page-guidance-new'],
  ]) {
    await page.goto(`${baseUrl()}#/${route}`)
    await visible(page, root).waitFor()
    await page.waitForTimeout(1000)
    await check(page, state)
  }
  await page.goto(baseUrl())

  await page.getByText('课堂', { exact: true }).first().click()
  await visible(page, '[data-testid="class-card"]').first().waitFor()
  await check(page, 'classes')
  await text(page, '筛选').first().click()
  await text(page, '查看结果').waitFor()
  await check(page, 'classes-filters')
  await text(page, '查看结果').click()
  await visible(page, '[data-testid="class-card"]').first().click()
  await text(page, '立即报名').waitFor()
  await check(page, 'class')
  await context.close()
  expect(found).toEqual([])
})
