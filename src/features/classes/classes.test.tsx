import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import dayjs from 'dayjs'
import { http } from 'msw'
import { chinaAt, classFixture, classPageFixture } from '../../../mock/fixtures/app/classes'
import { childOf } from '../../../mock/fixtures/app/account'
import { errorResponse } from '../../../mock/handlers'
import { server } from '../../../mock/handlers/server'
import { answer, answerWith } from '../../../test/support/answers'
import { signedInParent, recordQueries as recordQueriesOf } from '../../../test/support/app-session'
import { uuidOf } from '../../../test/support/windowed-list'
import { fireReachBottom } from '../../../test/stubs/taro'
import ClassesPage from '../../pages/classes'
import { formatWhen } from '../../utils/time'
import { CLASS_KINDS, CLASS_MODES, CLASS_TOPICS, type ParentingClass } from '../../../types/classes'
import { KIND_OPTIONS, MODE_OPTIONS, TOPIC_OPTIONS } from './constants'
import { dateRangeOf } from './filters'

const page = (items: ParentingClass[], patch: Record<string, unknown> = {}) => ({ items, total: items.length, page: 1, pageSize: 10, hasMore: false, ...patch })
const demo = classPageFixture()
const byTitle = (title: string) => demo.items.find((item) => item.title === title) as (typeof demo.items)[number]

const recordQueries = () => recordQueriesOf('/classes')

const cards = () => screen.getAllByTestId('class-card')
const cardOf = (title: string) => screen.getByText(title).closest('[data-testid="class-card"]') as HTMLElement

describe('the 课堂 tab', () => {
  it('lists the upcoming classes in the order the BFF gives, with time, place, speaker, ages, distance and seats', async () => {
    const now = new Date()
    const listed = [
      classFixture({
        id: uuidOf(1),
        title: '辅食添加课',
        startsAt: chinaAt(now, 1, '14:00'),
        capacity: 10,
        confirmedCount: 7,
        seatsLeft: 3,
        speaker: '王丽 主任医师',
        minAgeMonths: 6,
        maxAgeMonths: 18,
        distanceKm: 1.2,
      }),
      classFixture({
        id: uuidOf(2),
        title: '急救课',
        startsAt: chinaAt(now, 3, '09:30'),
        capacity: 20,
        confirmedCount: 20,
        seatsLeft: 0,
        waitingCount: 5,
        distanceKm: 9.6,
      }),
      classFixture({
        id: uuidOf(3),
        title: '线上答疑',
        startsAt: chinaAt(now, 2, '20:00'),
        mode: 'online',
        venue: '腾讯会议',
        lat: null,
        lng: null,
        address: null,
        distanceKm: null,
      }),
    ]
    answer('get', '/classes', page(listed))
    render(<ClassesPage />)

    await screen.findByText('辅食添加课')
    expect(cards().map((card) => card.querySelector('.card__name')?.textContent)).toEqual(['辅食添加课', '急救课', '线上答疑'])

    const first = cardOf('辅食添加课')
    expect(within(first).getByText('明天 14:00')).toBeTruthy()
    expect(within(first).getByText('余 3 席')).toBeTruthy()
    expect(within(first).getByText('主讲：王丽 主任医师')).toBeTruthy()
    expect(within(first).getByText('适合 6–18 个月')).toBeTruthy()
    expect(within(first).getByText(/公里$/)).toBeTruthy()
    expect(within(first).getByText(/^朝阳区红旗街社区卫生服务中心（演示） · /)).toBeTruthy()

    const full = cardOf('急救课')
    expect(within(full).getByText('已满，可候补 (候补 5 人)')).toBeTruthy()
    expect(within(full).getByText(/^周[一二三四五六日] 09:30$/)).toBeTruthy()

    const online = cardOf('线上答疑')
    expect(within(online).getByText('线上')).toBeTruthy()
    expect(within(online).getByText(/线上（腾讯会议）/)).toBeTruthy()
    expect(within(online).queryByText(/公里$/)).toBeNull()

    fireEvent.click(first)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/pages/class/index?id=${listed[0].id}` })
  })

  it('sends topic, date range, mode, kind and a typed birth month as the query', async () => {
    const queries = recordQueries()
    answerWith('get', '/classes', ({ query }) =>
      query.get('topic') === 'feeding_nutrition'
        ? page([byTitle('宝宝辅食添加从入门到进阶')])
        : query.has('childBirthMonth')
          ? page([byTitle('疫苗接种那些事（线上直播）')])
          : demo,
    )
    render(<ClassesPage />)
    await screen.findByText('宝宝辅食添加从入门到进阶')
    expect(queries.at(-1)?.get('lat')).toBe('43.8595')
    expect(queries.at(-1)?.get('lng')).toBe('125.3102')
    expect(queries.at(-1)?.has('from')).toBe(false)

    fireEvent.click(within(screen.getByRole('group', { name: '主题' })).getByText('喂养与营养'))
    await waitFor(() => expect(queries.at(-1)?.get('topic')).toBe('feeding_nutrition'))
    await waitFor(() => expect(cards()).toHaveLength(1))

    fireEvent.click(screen.getByText('本周'))
    const week = dateRangeOf('week')
    await waitFor(() => expect(queries.at(-1)?.get('to')).toBe(week.to))
    expect(queries.at(-1)?.get('from')).toBe(week.from)
    expect(queries.at(-1)?.get('topic')).toBe('feeding_nutrition')

    fireEvent.click(screen.getByText('全部主题'))
    fireEvent.click(screen.getByText('全部时间'))
    fireEvent.click(screen.getByText('筛选'))
    const sheet = screen.getByRole('dialog')
    fireEvent.click(within(sheet).getByText('线上'))
    fireEvent.click(within(sheet).getByText('家长课堂'))
    fireEvent.change(within(sheet).getByPlaceholderText('出生年月，如 2025-09'), { target: { value: '2025/9' } })
    fireEvent.click(within(sheet).getByText('查看结果'))

    await waitFor(() => expect(queries.at(-1)?.get('childBirthMonth')).toBe('2025-09'))
    const last = queries.at(-1) as URLSearchParams
    expect([last.get('mode'), last.get('kind'), last.has('topic'), last.has('from')]).toEqual(['online', 'class', false, false])
    expect(await screen.findByText('筛选 · 3')).toBeTruthy()
    await waitFor(() => expect(cards().map((card) => card.textContent)).toEqual([expect.stringContaining('疫苗接种那些事')]))
  })

  it('refuses a birth month it cannot read instead of sending it', async () => {
    const queries = recordQueries()
    render(<ClassesPage />)
    await screen.findByText('宝宝辅食添加从入门到进阶')
    const before = queries.length
    fireEvent.click(screen.getByText('筛选'))
    fireEvent.change(screen.getByPlaceholderText('出生年月，如 2025-09'), { target: { value: '去年' } })
    fireEvent.click(screen.getByText('查看结果'))
    expect(screen.getByRole('alert').textContent).toBe('请按“2025-09”的格式填写出生年月')
    expect(queries).toHaveLength(before)
  })

  it('filters by a child of the signed-in parent, and by their district when location is refused', async () => {
    const birthMonth = dayjs().subtract(14, 'month').format('YYYY-MM')
    signedInParent()
    answer('get', '/me/children', { items: [childOf({ nickname: '小明', birthMonth, ageMonths: 14 })] })
    // In 南关区: three classes; two of them suit a 14-month-old.
    const nanguan = [byTitle('0–1岁宝宝大运动发育'), byTitle('亲子感统游戏：爬爬乐'), byTitle('疫苗接种那些事（线上直播）')]
    answerWith('get', '/classes', ({ query }) =>
      query.has('childBirthMonth') ? page(nanguan.slice(1)) : query.get('districtCode') === '220102' ? page(nanguan) : demo,
    )
    ;(Taro.getFuzzyLocation as jest.Mock).mockRejectedValueOnce({ errMsg: 'getFuzzyLocation:fail auth deny' })
    const queries = recordQueries()
    render(<ClassesPage />)

    expect(await screen.findByText('未获得位置授权，请选择所在地区')).toBeTruthy()
    fireEvent.click(await screen.findByText('长春市'))
    fireEvent.click(screen.getByText('南关区'))
    await waitFor(() => expect(queries.at(-1)?.get('districtCode')).toBe('220102'))
    expect(queries.at(-1)?.has('lat')).toBe(false)
    expect(await screen.findByText('共 3 场，按时间排序')).toBeTruthy()

    fireEvent.click(await screen.findByText('按 小明（1岁2个月）筛选'))
    await waitFor(() => expect(queries.at(-1)?.get('childBirthMonth')).toBe(birthMonth))
    await waitFor(() => expect(screen.queryByText('0–1岁宝宝大运动发育')).toBeNull())
    expect(cards()).toHaveLength(2)
  })

  it('loads more on scrolling to the end and says when there is no more', async () => {
    const now = new Date()
    const all = Array.from({ length: 12 }, (_, i) => classFixture({ id: uuidOf(i), title: `第${i + 1}讲`, startsAt: chinaAt(now, 1 + i, '10:00') }))
    answer('get', '/classes', page(all.slice(0, 10), { total: 12, hasMore: true }), page(all.slice(10), { total: 12, page: 2 }))
    render(<ClassesPage />)
    await screen.findByText('第1讲')
    expect(cards()).toHaveLength(10)
    expect(screen.getByText('正在加载更多…')).toBeTruthy()
    await act(async () => fireReachBottom())
    expect(await screen.findByText('没有更多了，共 12 场')).toBeTruthy()
    expect(cards()).toHaveLength(12)
  })

  it('shows an empty state that clears the filters, and an error with retry', async () => {
    answerWith('get', '/classes', ({ query }) => (query.get('to') === query.get('from') && query.has('to') ? page([]) : demo))
    render(<ClassesPage />)
    await screen.findByText('宝宝辅食添加从入门到进阶')
    fireEvent.click(screen.getByText('今天'))
    expect(await screen.findByText('没有符合条件的课堂或活动')).toBeTruthy()
    fireEvent.click(screen.getByText('清除筛选'))
    expect(await screen.findByText('宝宝辅食添加从入门到进阶')).toBeTruthy()

    server.use(http.get('*/api/classes', () => errorResponse(500, 'boom'), { once: true }))
    fireEvent.click(screen.getByText('本月'))
    expect(await screen.findByText('课堂列表加载失败')).toBeTruthy()
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('宝宝辅食添加从入门到进阶')).toBeTruthy()
  })

  it('links to 我的报名 and 入户指导', async () => {
    render(<ClassesPage />)
    await screen.findByText('宝宝辅食添加从入门到进阶')
    fireEvent.click(screen.getByText('我的报名'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/sign-ups/index' })
    fireEvent.click(screen.getByText('入户指导'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/guidance/index' })
  })
})

describe('class times in China time', () => {
  const now = new Date('2026-11-28T04:00:00.000Z') // Saturday 12:00 in Jilin

  it('reads as 今天 / 明天 / a weekday this week / a date', () => {
    expect(formatWhen('2026-11-28T10:00:00.000Z', now)).toBe('今天 18:00')
    expect(formatWhen('2026-11-29T06:00:00.000Z', now)).toBe('明天 14:00')
    expect(formatWhen('2026-12-01T01:30:00.000Z', now)).toBe('周二 09:30')
    expect(formatWhen('2026-12-05T06:00:00.000Z', now)).toBe('12月5日 14:00')
    expect(formatWhen('2027-01-05T06:00:00.000Z', now)).toBe('2027年1月5日 14:00')
    // 23:30 on Saturday in UTC is already Sunday morning in Jilin.
    expect(formatWhen('2026-11-28T23:30:00.000Z', now)).toBe('明天 07:30')
  })

  it('turns 今天 / 本周 / 本月 into China calendar days', () => {
    expect(dateRangeOf('today', now)).toEqual({ from: '2026-11-28', to: '2026-11-28' })
    expect(dateRangeOf('week', now)).toEqual({ from: '2026-11-28', to: '2026-11-29' })
    expect(dateRangeOf('month', now)).toEqual({ from: '2026-11-28', to: '2026-11-30' })
    expect(dateRangeOf('all', now)).toEqual({})
  })
})

describe('contract', () => {
  it('offers exactly the contract topics, kinds and modes', () => {
    expect([...TOPIC_OPTIONS].sort()).toEqual([...CLASS_TOPICS].sort())
    expect([...KIND_OPTIONS].sort()).toEqual([...CLASS_KINDS].sort())
    expect([...MODE_OPTIONS].sort()).toEqual([...CLASS_MODES].sort())
  })
})
