import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro, { useRouter } from '@tarojs/taro'
import dayjs from 'dayjs'
import { mySubsidiesFixture, subsidyEstimateFixture } from '../../../mock/fixtures/app'
import { errorResponse } from '../../../mock/handlers'
import { storage } from '../../../test/stubs/taro'
import { answer } from '../../../test/support/answers'
import { recordRequests, signedInParent } from '../../../test/support/app-session'
import type { ChildSubsidies, SubsidyEstimate } from '../../../types/subsidies'
import { HomeLinks } from '../../components/home-links'
import MePage from '../../pages/me'
import SubsidiesPage from '../../pages/subsidies'
import { formatYuan } from '../../utils/format'
import { cityCodeOf } from '../../utils/origin'
import { useLocationStore } from '../location/store'
import { useSubsidyStore } from './store'

const STORAGE_KEY = 'jilin-tuoyu/subsidy-birth-month'
const CHANGCHUN = { kind: 'region', code: '220102', name: '长春 · 南关区', lat: 43.86, lng: 125.35 } as const

const env = process.env.TARO_ENV
// The Taro stand-in has no navigateToMiniProgram (no other feature opens another mini-program).
const navigateToMiniProgram = jest.fn(() => Promise.resolve({ errMsg: 'navigateToMiniProgram:ok' }))
beforeEach(() => {
  Object.assign(Taro, { navigateToMiniProgram })
  navigateToMiniProgram.mockClear()
})
afterEach(() => {
  process.env.TARO_ENV = env
})

const subsidyRequests = (requests: ReturnType<typeof recordRequests>) => requests.filter((r) => /subsidies/.test(r.path))
const cards = () => screen.getAllByTestId('subsidy-programme')
const card = (name: string) => cards().find((c) => c.textContent?.includes(name))!

/** A birth month the parent entered on an earlier visit: in the device's storage, read when the app starts. */
async function keptOnDevice(birthMonth: string) {
  storage.set(STORAGE_KEY, JSON.stringify({ state: { birthMonth }, version: 1 }))
  await useSubsidyStore.persist.rehydrate()
}

async function enterBirthMonth(value: string) {
  fireEvent.change(screen.getByPlaceholderText('出生年月（如 2025-09）'), { target: { value } })
  fireEvent.click(screen.getByText('查看补贴'))
}

describe('育儿补贴 for a birth month kept on the device', () => {
  it('lists the programmes of the parent’s 市州 first, then estimates for the birth month entered, keeping it on the device only', async () => {
    useLocationStore.setState({ savedRegion: CHANGCHUN })
    const requests = recordRequests()
    render(<SubsidiesPage />)

    await waitFor(() => expect(cards()).toHaveLength(3))
    expect(screen.getByText('已按长春市的补贴项目计算')).toBeTruthy()
    expect(card('国家育儿补贴').textContent).toContain('适用年龄：出生当月至满 36 个月前')
    expect(card('国家育儿补贴').textContent).toContain('发放期：2025年1月起')
    expect(card('长春市托育服务消费券').textContent).toContain('发放期：2026年1月至2027年12月')

    await enterBirthMonth('2025-10')
    await screen.findByTestId('subsidy-summary')
    expect(screen.getByTestId('subsidy-this-month').textContent).toBe('300元')
    expect(screen.getByTestId('subsidy-left').textContent).toBe('7,200元')
    expect(screen.getByTestId('subsidy-summary').textContent).toContain('按 2026年12月 计算 · 孩子 2028年10月 满3周岁')

    // Only the district's 市州 and the birth month, as query parameters; nothing of the account.
    const sent = subsidyRequests(requests).map((r) => `${r.method} ${r.path}?${r.query.toString()}`)
    expect(sent).toEqual(['GET /subsidies/programmes?cityCode=220100', 'GET /subsidies/estimate?birthMonth=2025-10&cityCode=220100'])
    expect(requests.some((r) => r.authorization)).toBe(false)
    expect(String(storage.get(STORAGE_KEY))).toContain('"birthMonth":"2025-10"')
  })

  it('shows each programme with its state, months, amounts, renewal, documents, how to apply, payment and source, and the assumptions', async () => {
    await keptOnDevice('2025-10')
    render(<SubsidiesPage />)
    await waitFor(() => expect(cards()).toHaveLength(3))
    // Paying first, then upcoming, then ended, as the BFF orders them.
    expect(cards().map((c) => within(c).getByRole('heading').textContent)).toEqual([
      '国家育儿补贴',
      '长春市托育服务消费券（示例）',
      '吉林省新生儿一次性补贴（示例）',
    ])

    const national = card('国家育儿补贴').textContent
    expect(national).toContain('领取中')
    expect(national).toContain('300元/月')
    expect(national).toContain('领取期：2025年10月至2028年9月，共 36 个月，合计 10,800元')
    expect(national).toContain('还可领取 22 个月，共 6,600元')
    expect(national).toContain('每年需确认')
    expect(national).toContain('每年需确认：下次请在 2027年10月 确认')
    for (const document of ['婴幼儿出生医学证明', '户口簿', '父母或其他监护人的居民身份证']) expect(national).toContain(document)
    expect(national).toContain('向婴幼儿户籍所在地申请')
    expect(national).toContain('按年申领、按年发放，每年3600元。')
    expect(national).toContain('来源：《育儿补贴制度实施方案》（中共中央办公厅、国务院办公厅） · 截至 2025年7月28日')

    const city = card('长春市托育服务消费券').textContent
    expect(city).toContain('未开始')
    expect(city).toContain('长春市')
    expect(city).toContain('还可领取 3 个月，共 600元')
    expect(city).not.toContain('每年需确认')

    const ended = card('吉林省新生儿一次性补贴').textContent
    expect(ended).toContain('已结束')
    expect(ended).toContain('已领完')

    const assumptions = screen.getByRole('heading', { name: '估算依据' }).parentElement!
    for (const assumption of subsidyEstimateFixture.assumptions) expect(within(assumptions).getByText(assumption)).toBeTruthy()
    // Without a known 市州 none is sent, and the parent is told what that leaves out.
    expect(screen.getByText('未选择所在地区：市州自行发放的补贴未计入')).toBeTruthy()
  })

  it('takes the month typed (a due month too) or picked, refuses one too far ahead or mistyped before asking, and forgets it on request', async () => {
    const requests = recordRequests()
    render(<SubsidiesPage />)
    await waitFor(() => expect(cards()).toHaveLength(3))

    await enterBirthMonth('2099-01')
    expect(screen.getByRole('alert').textContent).toMatch(/^最晚可以填写 \d{4}年\d{1,2}月（预产月份）$/)
    await enterBirthMonth('去年')
    expect(screen.getByRole('alert').textContent).toBe('请按“2025-09”的格式填写出生年月')
    const estimates = () => subsidyRequests(requests).filter((r) => r.path === '/subsidies/estimate')
    expect(estimates()).toEqual([])

    // An expecting parent may give the due month.
    const due = dayjs().add(3, 'month').format('YYYY-MM')
    await enterBirthMonth(due)
    await screen.findByTestId('subsidy-summary')
    expect(screen.queryByRole('alert')).toBeNull()
    expect(estimates().map((r) => r.query.get('birthMonth'))).toEqual([due])

    fireEvent.change(screen.getByLabelText('picker-date'), { target: { value: '2025-10' } })
    await waitFor(() => expect(estimates().map((r) => r.query.get('birthMonth'))).toEqual([due, '2025-10']))
    expect((screen.getByPlaceholderText('出生年月（如 2025-09）') as HTMLInputElement).value).toBe('2025-10')

    fireEvent.click(screen.getByText('清除出生年月'))
    await waitFor(() => expect(screen.queryByTestId('subsidy-summary')).toBeNull())
    expect(String(storage.get(STORAGE_KEY))).toContain('"birthMonth":null')
    expect((screen.getByPlaceholderText('出生年月（如 2025-09）') as HTMLInputElement).value).toBe('')
  })

  it('says the estimate failed and tries again', async () => {
    await keptOnDevice('2025-10')
    answer('get', '/subsidies/estimate', errorResponse(503, '服务暂时不可用'), subsidyEstimateFixture)
    render(<SubsidiesPage />)
    expect((await screen.findByRole('alert')).textContent).toContain('补贴信息加载失败')
    fireEvent.click(screen.getByText('重试'))
    expect((await screen.findByTestId('subsidy-this-month')).textContent).toBe('300元')
  })
})

describe('育儿补贴 for a signed-in parent’s children', () => {
  const second: ChildSubsidies = {
    childId: '6f0d3c1e-8a55-4b7e-9a0e-3c1f2a4b5c6e',
    nickname: '小雨',
    estimate: { ...subsidyEstimateFixture, birthMonth: '2024-06', turnsThreeMonth: '2027-06', thisMonthYuan: 300, leftYuan: 1800, entitlements: [] },
  }

  it('shows each child’s estimate from /me/subsidies, the one linked to first, without asking for a birth month', async () => {
    signedInParent()
    useLocationStore.setState({ origin: CHANGCHUN })
    answer('get', '/me/subsidies', { items: [...mySubsidiesFixture.items, second] })
    ;(useRouter as jest.Mock).mockImplementation(() => ({ params: { childId: second.childId }, path: '' }))
    const requests = recordRequests()
    render(<SubsidiesPage />)

    expect((await screen.findByRole('heading', { name: '小雨的补贴' })).textContent).toBe('小雨的补贴')
    expect(screen.getByTestId('subsidy-left').textContent).toBe('1,800元')
    expect(screen.queryByPlaceholderText('出生年月（如 2025-09）')).toBeNull()
    const chips = within(screen.getByRole('group', { name: '选择孩子' })).getAllByRole('checkbox')
    expect(chips.map((chip) => chip.textContent)).toEqual(['小明（1岁2个月）', '小雨（2岁6个月）'])
    expect(chips[1].getAttribute('aria-checked')).toBe('true')

    fireEvent.click(chips[0])
    expect(screen.getByRole('heading', { name: '小明的补贴' })).toBeTruthy()
    expect(screen.getByTestId('subsidy-left').textContent).toBe('7,200元')
    const mine = subsidyRequests(requests)
    expect(mine.map((r) => `${r.path}?${r.query.toString()}`)).toEqual(['/me/subsidies?cityCode=220100'])
    expect(mine[0].authorization).toMatch(/^Bearer /)
  })

  it('without children saved (or before the guardian’s consent) falls back to the birth month on the device', async () => {
    signedInParent()
    answer('get', '/me/subsidies', errorResponse(403, '请先同意儿童个人信息处理规则', undefined, { code: 'consent_required' }), { items: [] })
    const first = render(<SubsidiesPage />)
    expect(await screen.findByText('在“我的”添加孩子后，可以直接查看每个孩子的补贴。')).toBeTruthy()
    expect(screen.queryByRole('alert')).toBeNull()
    first.unmount()

    render(<SubsidiesPage />)
    await screen.findByPlaceholderText('出生年月（如 2025-09）')
    await enterBirthMonth('2025-10')
    expect((await screen.findByTestId('subsidy-this-month')).textContent).toBe('300元')
  })
})

describe('where to apply', () => {
  beforeEach(async () => {
    await keptOnDevice('2025-10')
  })

  it('in WeChat opens the official mini-program, or copies the official address and says so', async () => {
    process.env.TARO_ENV = 'weapp'
    render(<SubsidiesPage />)
    await waitFor(() => expect(cards()).toHaveLength(3))

    fireEvent.click(within(card('长春市托育服务消费券')).getByRole('button', { name: '去申领：长春市托育服务消费券（示例）' }))
    expect(navigateToMiniProgram).toHaveBeenCalledWith({ appId: 'wx0123456789abcdef', path: 'pages/apply/index' })

    fireEvent.click(within(card('国家育儿补贴')).getByText('复制申领网址'))
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: 'https://www.gjzwfw.gov.cn/' })
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '网址已复制，请在浏览器中打开', icon: 'none' }))
    // A programme with neither has no button.
    expect(within(card('吉林省新生儿一次性补贴')).queryByRole('button')).toBeNull()
  })

  it('on H5 links to the official site in a new tab; a mini-program-only programme says where to find it', async () => {
    process.env.TARO_ENV = 'h5'
    render(<SubsidiesPage />)
    await waitFor(() => expect(cards()).toHaveLength(3))
    const link = within(card('国家育儿补贴')).getByRole('link', { name: '前往官网申领：国家育儿补贴（在新窗口打开）' })
    expect(link.getAttribute('href')).toBe('https://www.gjzwfw.gov.cn/')
    expect(link.getAttribute('target')).toBe('_blank')
    expect(link.getAttribute('rel')).toContain('noopener')
    expect(card('长春市托育服务消费券').textContent).toContain('请在微信中打开“吉林托育”小程序，进入申领页面')
    expect(navigateToMiniProgram).not.toHaveBeenCalled()
  })
})

describe('ways in', () => {
  it('from the home screen: a link only, nothing fetched', () => {
    const requests = recordRequests()
    render(<HomeLinks />)
    fireEvent.click(screen.getByRole('link', { name: '育儿补贴' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/subsidies/index' })
    expect(requests).toEqual([])
  })

  it('from 我的, signed in or not', async () => {
    render(<MePage />)
    fireEvent.click(await screen.findByText('育儿补贴'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/subsidies/index' })
  })
})

// Keeps the fixture honest: the figures the tests read are the estimate's own.
it('the estimate fixture is a 14-month-old’s: 300 元 this month and 22 × 300 元 of the national programme still to come', () => {
  const estimate: SubsidyEstimate = subsidyEstimateFixture
  const national = estimate.entitlements.find((e) => e.programme.level === 'national')!
  expect([estimate.thisMonthYuan, national.monthsLeft, national.leftYuan]).toEqual([300, 22, 22 * 300])
})

describe('the shared helpers the page uses', () => {
  it('writes whole yuan with the thousands marked', () => {
    expect([300, 6600, 1234567, 0].map(formatYuan)).toEqual(['300元', '6,600元', '1,234,567元', '0元'])
  })

  it('finds the 市州 of a picked region, also for 长白山 and 长春新区, and none for a device position', () => {
    expect(cityCodeOf(CHANGCHUN)).toBe('220100')
    expect(cityCodeOf({ ...CHANGCHUN, code: '222400', name: '延边朝鲜族自治州' })).toBe('222400')
    expect(cityCodeOf({ ...CHANGCHUN, code: '229201', name: '长春新区 · 北湖科技开发区' })).toBe('229200')
    expect(cityCodeOf({ kind: 'device', lat: 43.88, lng: 125.32 })).toBeNull()
    expect(cityCodeOf(null)).toBeNull()
  })
})
