import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { ClassSearchResult } from '../../types/classes'
import type { Me } from '../../types/me'
import type { InstitutionPage } from '../../types/institutions'
import type { ArticleList } from '../../types/articles'
import type { BulletinList } from '../../types/bulletins'
import { seriousA11yViolations } from './axe'
import { CHANGCHUN, api, baseUrl, launchBrowser, openPhone, signInByApi, signInCodeFromLog, text, field } from './browser'

/**
 * Every page of src/app.config.ts, in the state a parent (or a committee member) meets it, checked with axe-core for
 * WCAG 2.2 AA: no serious or critical violation is allowed. COVERED maps each route to the checks below that open it;
 * the first test fails when app.config.ts gains a page this file does not open.
 */
const COVERED: Record<string, string> = {
  'pages/index/index': '找托育 (anonymous: list, filter panel, region picker, map view; signed in with a child)',
  'pages/classes/index': '课堂 (anonymous, filter panel open, signed in)',
  'pages/info/index': '资讯',
  'pages/complaints/index': '投诉 (anonymous, signed in with a filed complaint)',
  'pages/me/index': '我的 (anonymous sign-in form, signed in with a child, a linked institution and a committee role)',
  'pages/institution/index': 'institution detail',
  'pages/compare/index': 'compare with 2 institutions',
  'pages/favourites/index': 'favourites with one institution',
  'pages/sign-in/index': 'sign-in page',
  'pages/child/index': 'child editor (new, and editing a child)',
  'pages/privacy/index': 'privacy policy',
  'pages/linked/index': 'linked institutions with one',
  'pages/complaint-new/index': 'complaint form (anonymous switch, abuse notice)',
  'pages/complaint-filed/index': 'complaint filed',
  'pages/complaint-follow/index': 'complaint follow: the tracking form, and a complaint with its timeline',
  'pages/notices/index': 'notices of a linked institution (parent, with a pinned notice) and as committee member',
  'pages/notices/detail': 'a notice',
  'pages/notices/compose': 'compose a notice (committee member, 置顶 switch)',
  'pages/committee/index': 'the committee page of an institution',
  'pages/class/index': 'class detail (anonymous and signed in)',
  'pages/sign-ups/index': 'my sign-ups with one',
  'pages/guidance/index': 'my guidance requests with one',
  'pages/guidance/new': 'new guidance request form',
  'pages/guidance/detail': 'a guidance request',
  'pages/articles/index': 'articles',
  'pages/articles/detail': 'an article',
  'pages/bulletins/index': 'bulletins',
  'pages/bulletins/detail': 'a bulletin',
  'pages/sanctions/index': 'sanctions list',
  'pages/subsidies/index': '育儿补贴 (anonymous: the programmes; signed in: the child’s estimate)',
}

// Taro's defineAppConfig is a build-time global: stand in for it to read the config as data.
function appPages(): string[] {
  ;(globalThis as Record<string, unknown>).defineAppConfig = (config: unknown) => config
  const config = require('../../src/app.config').default as { pages: string[]; subPackages: Array<{ root: string; pages: string[] }> }
  return [...config.pages, ...config.subPackages.flatMap((sub) => sub.pages.map((page) => `${sub.root}/${page}`))]
}

const PARENT = '13800138201'
const MEMBER = '13800138202'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** Opens a page as from a shared link, in a fresh tab of the context (its session is the context's storage). */
async function open(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage()
  page.on('pageerror', (error) => console.error('page error:', error.message))
  await page.goto(`${baseUrl()}/#${path}`)
  return page
}

// Every screen a test checks is reported, not only the first that fails: each test ends with expectNoneFound().
let found: string[] = []
beforeEach(() => {
  found = []
})
const expectNoneFound = () => expect(found.join('\n\n')).toBe('')

/** Waits until the page shows `ready` and nothing more is loading, then runs axe on it. */
async function check(page: Page, label: string, ready?: string | RegExp) {
  if (ready) await page.getByText(ready).filter({ visible: true }).first().waitFor()
  await page.waitForLoadState('networkidle')
  await page.waitForTimeout(400) // Taro's page slide-in
  const report = await seriousA11yViolations(page, label)
  if (report) found.push(report)
}

async function signInOnH5(page: Page, phone: string) {
  await page.goto(baseUrl())
  await page.getByText('我的', { exact: true }).first().click()
  await text(page, '我已阅读并同意').click()
  await field(page, 'input[placeholder="手机号"]').fill(phone)
  await text(page, '获取验证码').click()
  await field(page, 'input[placeholder="验证码"]').fill(await signInCodeFromLog(phone))
  await text(page, '登录').click()
  await text(page, '我关注的机构').waitFor()
}

/** The access token of the session the H5 app keeps (zustand persist over Taro's storage, a JSON string in localStorage). */
async function sessionToken(page: Page): Promise<string> {
  const stored = await page.evaluate(() => localStorage.getItem('jilin-tuoyu/session'))
  const token = /"accessToken\W+([^"\\]+)/.exec(stored ?? '')?.[1]
  if (!token) throw new Error(`no session in storage: ${stored}`)
  return token
}

it('covers every page of app.config.ts', () => {
  expect(appPages().filter((page) => !(page in COVERED))).toEqual([])
  expect(Object.keys(COVERED).filter((page) => !appPages().includes(page))).toEqual([])
})

describe('an anonymous parent', () => {
  let context: BrowserContext
  beforeAll(async () => {
    context = (await openPhone(browser, CHANGCHUN)).context
  })
  afterAll(async () => {
    await context?.close()
  })

  it('找托育: the list, the filter panel, the region picker and the map view', async () => {
    const page = await open(context, '/pages/index/index')
    await page.locator('.institution-card').first().waitFor()
    await check(page, '找托育', '筛选')
    await text(page, '筛选').first().click()
    await check(page, '找托育 filter panel', '查看结果')
    await text(page, '查看结果').click()
    await field(page, '.location-bar__main').click()
    await check(page, '找托育 region picker')

    // The list/map switch: the map view (its tiles come from the internet, kept unreached here).
    await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort())
    const map = await open(context, '/pages/index/index')
    await map.locator('.institution-card').first().waitFor()
    await text(map, '地图').first().click()
    await check(map, '找托育 map view', /已显示/)
    expectNoneFound()
  })

  it('an institution, and compare with two', async () => {
    const {
      items: [first],
    } = await api<InstitutionPage>('/api/institutions?region=220100&sort=grade&pageSize=1')
    const detail = await open(context, `/pages/institution/index?id=${first.id}`)
    await check(detail, 'institution detail', first.name)

    const page = await open(context, '/pages/index/index')
    await page.locator('.institution-card').nth(1).waitFor()
    for (const index of [0, 1]) await page.locator('.institution-card').nth(index).locator('.compare-toggle').click()
    await field(page, '.compare-tray__start').click()
    await field(page, '[data-row="committee"] .compare-table__cell').nth(1).waitFor()
    await check(page, 'compare with 2', '只看不同项')
    // Taro's Switch is an <input type=checkbox> inside taro-switch-core: it has a name of its own.
    await expect(page.getByRole('checkbox', { name: '只看不同项' }).filter({ visible: true }).count()).resolves.toBe(1)
    expectNoneFound()
  })

  it('课堂, a class, 资讯 and what it opens', async () => {
    const classes = await open(context, '/pages/classes/index')
    await field(classes, '[data-testid="class-card"]').first().waitFor()
    await check(classes, '课堂', '筛选')
    await text(classes, '筛选').first().click()
    await check(classes, '课堂 filters', '查看结果')

    const {
      items: [item],
    } = await api<ClassSearchResult>('/api/classes?pageSize=1')
    await check(await open(context, `/pages/class/index?id=${item.id}`), 'class detail (anonymous)', item.title)

    await check(await open(context, '/pages/info/index'), '资讯', '政策与指南')
    const articles = await api<ArticleList>('/api/articles?pageSize=1')
    await check(await open(context, '/pages/articles/index'), 'articles', articles.items[0].title)
    await check(await open(context, `/pages/articles/detail?id=${articles.items[0].id}`), 'article', articles.items[0].title)
    const bulletins = await api<BulletinList>('/api/bulletins?pageSize=1')
    await check(await open(context, '/pages/bulletins/index'), 'bulletins', bulletins.items[0].title)
    await check(await open(context, `/pages/bulletins/detail?id=${bulletins.items[0].id}`), 'bulletin', bulletins.items[0].title)
    await check(await open(context, '/pages/sanctions/index'), 'sanctions', /处罚|警示/)
    await check(await open(context, '/pages/subsidies/index'), '育儿补贴 (anonymous)', '国家育儿补贴')
    expectNoneFound()
  })

  it('投诉, the complaint form, tracking, 我的 and sign-in', async () => {
    await check(await open(context, '/pages/complaints/index'), '投诉', '我要投诉')
    const form = await open(context, '/pages/complaint-new/index')
    await check(form, 'complaint form', '匿名提交')
    await expect(form.getByRole('checkbox', { name: '匿名提交' }).filter({ visible: true }).count()).resolves.toBe(1)
    await text(form, '疑似虐童').click()
    await check(form, 'complaint form, abuse notice', '我已知晓，继续提交')
    await check(await open(context, '/pages/complaint-follow/index'), 'track a complaint', '输入提交投诉时获得的查询编号和查询码')
    await check(await open(context, '/pages/me/index'), '我的 (signed out)', '获取验证码')
    await check(await open(context, '/pages/sign-in/index'), 'sign-in', '获取验证码')
    await check(await open(context, '/pages/privacy/index'), 'privacy policy', '隐私政策')
    expectNoneFound()
  })
})

describe('a signed-in parent with a child, a linked institution, a sign-up, a guidance request and a complaint', () => {
  let context: BrowserContext
  let page: Page
  let institution: { id: string; name: string }
  let childId: string
  let guidanceId: string
  let noticeId: string
  let memberPhone: { context: BrowserContext; page: Page }
  const noticeTitle = '下周一晨检时间调整'

  beforeAll(async () => {
    const regulator = await signInByApi(process.env.E2E_REGULATOR_PHONE!)
    // Not the first 长春 institution: notices.e2e.ts counts its parent's unread notices there, and this test posts one.
    institution = (await api<InstitutionPage>('/api/institutions?region=220100&sort=grade&pageSize=3')).items[2]
    const { code } = await api<{ code: string }>(`/api/institutions/${institution.id}/invitations`, { method: 'POST', body: {}, token: regulator })

    // Each signs in on H5 first (one code each: a second sign-in by API could read a code already used from the log).
    ;({ context, page } = await openPhone(browser, CHANGCHUN))
    await signInOnH5(page, PARENT)
    const token = await sessionToken(page)
    memberPhone = await openPhone(browser, CHANGCHUN)
    await signInOnH5(memberPhone.page, MEMBER)
    const member = await sessionToken(memberPhone.page)
    await api('/api/admin/roles', { method: 'POST', token: regulator, body: { phone: MEMBER, role: 'committee', institutionId: institution.id } })
    noticeId = (
      await api<{ id: string }>(`/api/institutions/${institution.id}/notices`, {
        method: 'POST',
        token: member,
        body: { title: noticeTitle, body: '晨检改为7:50开始，请家长提前到园。', category: 'notice', pinned: true },
      })
    ).id

    const me = await api<Me>('/api/me', { token })
    for (const [kind, status] of [
      ['privacy_policy', me.consents.privacyPolicy],
      ['child_data', me.consents.childData],
    ] as const) {
      await api('/api/me/consents', { method: 'POST', token, body: { kind, version: status.currentVersion, action: 'accept' } })
    }
    const birth = new Date(Date.now() - 14 * 30 * 86_400_000)
    const birthMonth = `${birth.getFullYear()}-${String(birth.getMonth() + 1).padStart(2, '0')}`
    childId = (await api<{ id: string }>('/api/me/children', { method: 'POST', token, body: { nickname: '小禾', birthMonth } })).id
    await api('/api/me/institutions', { method: 'POST', token, body: { code } })
    await api(`/api/me/favourites/${institution.id}`, { method: 'PUT', token, body: {} })
    const classes = await api<ClassSearchResult>(`/api/classes?childBirthMonth=${birthMonth}&pageSize=50`)
    const withSeats = classes.items.find((c) => c.seatsLeft > 0)!
    await api(`/api/classes/${withSeats.id}/sign-ups`, { method: 'POST', token, body: { childId, subscribed: [] } })
    const day = (days: number) => new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10)
    guidanceId = (
      await api<{ id: string }>('/api/guidance-requests', {
        method: 'POST',
        token,
        body: {
          service: 'growth_monitoring',
          childId,
          timeWindows: [{ date: day(3), period: 'morning' }],
          districtCode: '220104',
          address: '长春市朝阳区红旗街1号3单元502',
          contactPhone: PARENT,
          note: '',
        },
      })
    ).id
    await page.reload()
  })
  afterAll(async () => {
    await context?.close()
    await memberPhone?.context.close()
  })

  it('我的, 找托育 with the child, the child editor', async () => {
    await check(page, '我的 (signed in)', '小禾')
    await check(await open(context, '/pages/index/index'), '找托育 (signed in)', /按 小禾/)
    await check(await open(context, '/pages/classes/index'), '课堂 (signed in)', /小禾/)
    await check(await open(context, '/pages/child/index'), 'new child', '保存')
    await check(await open(context, `/pages/child/index?id=${childId}`), 'edit child', '保存')
    await check(await open(context, '/pages/subsidies/index'), '育儿补贴 (signed in with a child)', '小禾的补贴')
    expectNoneFound()
  })

  it('favourites, linked institutions, notices of one and a notice', async () => {
    await check(await open(context, '/pages/favourites/index'), 'favourites', institution.name)
    await check(await open(context, '/pages/linked/index'), 'linked', institution.name)
    await check(await open(context, `/pages/notices/index?institutionId=${institution.id}`), 'notices (parent)', noticeTitle)
    await check(await open(context, `/pages/notices/detail?id=${noticeId}`), 'notice', noticeTitle)
    await check(await open(context, `/pages/committee/index?institutionId=${institution.id}`), 'committee', /家长委员会|家委会/)
    expectNoneFound()
  })

  it('sign-ups, a class signed up for, guidance requests', async () => {
    const signUps = await open(context, '/pages/sign-ups/index')
    await check(signUps, 'sign-ups', '已报名')
    await check(await open(context, '/pages/guidance/index'), 'guidance requests', '生长发育监测')
    await check(await open(context, `/pages/guidance/detail?id=${guidanceId}`), 'guidance request', '生长发育监测')
    await check(await open(context, '/pages/guidance/new'), 'new guidance request', '小禾')
    expectNoneFound()
  })

  it('files a complaint under their name, then sees it filed, followed and listed', async () => {
    const form = await open(context, '/pages/complaint-new/index')
    await field(form, 'input[placeholder="搜索已收录的机构名称"]').fill(institution.name.slice(2))
    await form.getByLabel(`选择 ${institution.name}`).filter({ visible: true }).first().click()
    await text(form, '收费与退费').click()
    await field(form, 'textarea[placeholder="请描述发生了什么"]').fill('入托时收取的押金至今未退，机构负责人不接电话。')
    await field(form, 'input[placeholder="发生时间（如 2026-11-20 14:30）"]').fill('2026-11-20 09:30')
    await check(form, 'complaint form (filled in)', '匿名提交')
    await text(form, '提交').click()
    await check(form, 'complaint filed', '接下来')
    await text(form, '查看进度').first().click()
    await check(form, 'complaint followed', '已提交')
    await check(await open(context, '/pages/complaints/index'), '投诉 (signed in)', institution.name)
    expectNoneFound()
  })

  it('as a committee member: 我的, the notices they manage and composing one', async () => {
    const member = memberPhone
    await member.page.reload()
    await check(member.page, '我的 (committee member)', '家委会管理：发布公告、查看已读')
    await check(await open(member.context, `/pages/notices/index?institutionId=${institution.id}`), 'notices (committee)', noticeTitle)
    const compose = await open(member.context, `/pages/notices/compose?institutionId=${institution.id}`)
    await check(compose, 'compose notice', '置顶')
    await expect(compose.getByRole('checkbox', { name: '置顶' }).filter({ visible: true }).count()).resolves.toBe(1)
    expectNoneFound()
  })
})
