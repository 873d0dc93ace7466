import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro, { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import dayjs from 'dayjs'
import type { ParentingClassDetail } from '../../../types/classes'
import { childOf } from '../../../mock/fixtures/app/account'
import { chinaAt, classFixture, signUpFixture } from '../../../mock/fixtures/app/classes'
import { errorResponse } from '../../../mock/handlers'
import { answer } from '../../../test/support/answers'
import { recordRequests, signedInParent } from '../../../test/support/app-session'
import ClassPage from '../../pages/class'

const HOUR = 3600 * 1000
// Not /classes/message-templates, which `/classes/:id` would match too.
const CLASS = /\/api\/classes\/[0-9a-f-]{36}$/
const routerParams = (params: Record<string, string>) => (useRouter as jest.Mock).mockImplementation(() => ({ params, path: '' }))
const monthsAgo = (months: number) => dayjs().subtract(months, 'month').format('YYYY-MM')

/** The Taro stub has no subscription API; a test gives WeChat's answer. */
function stubSubscribe(answer: () => Promise<unknown>) {
  const mock = jest.fn(answer)
  Object.assign(Taro, { requestSubscribeMessage: mock })
  return mock
}

const fixture = (patch: Partial<ParentingClassDetail> = {}) =>
  classFixture({ title: '辅食添加课', minAgeMonths: 6, maxAgeMonths: 18, capacity: 10, confirmedCount: 0, seatsLeft: 10, waitingCount: 0, ...patch })

/** The class page, with the BFF's answers for the class in turn (the first on opening, the next after a sign-up or cancel). */
async function openClass(patch: Partial<ParentingClassDetail> = {}, ...after: Array<Partial<ParentingClassDetail>>) {
  const item = fixture(patch)
  answer('get', CLASS, item, ...after.map((next) => ({ ...item, ...next })))
  routerParams({ id: item.id })
  render(<ClassPage />)
  await screen.findByText(item.title)
  return item
}

const confirmed = (item: ParentingClassDetail) => ({ mySignUp: { id: signUpFixture(item).id, status: 'confirmed' as const, waitingPosition: null } })

const signUpBody = (requests: ReturnType<typeof recordRequests>) => requests.find((r) => r.method === 'POST' && r.path.endsWith('/sign-ups'))?.body

describe('class detail and signing up', () => {
  const env = process.env.TARO_ENV
  afterEach(() => {
    process.env.TARO_ENV = env
    delete (Taro as { requestSubscribeMessage?: unknown }).requestSubscribeMessage
  })

  it('shows everything about the class, and signs up with the child whose age fits in one tap', async () => {
    signedInParent()
    const [elder, little] = [
      childOf({ id: '6f0d3c1e-8a55-4b7e-9a0e-000000000001', nickname: '大宝', birthMonth: monthsAgo(30) }),
      childOf({ nickname: '小明', birthMonth: monthsAgo(10) }),
    ]
    answer('get', '/me/children', { items: [elder, little] })
    const requests = recordRequests()
    const item = fixture({ description: '第一口吃什么？\n过敏怎么办？', speaker: '王丽 主任医师', confirmedCount: 7, seatsLeft: 3 })
    answer('post', '/classes/:id/sign-ups', signUpFixture(item, { child: { id: little.id, nickname: little.nickname } }))
    await openClass(item, { confirmedCount: 8, seatsLeft: 2, ...confirmed(item) })

    expect(screen.getByText(/^明天 14:00–15:00$/)).toBeTruthy()
    expect(screen.getByText('王丽 主任医师')).toBeTruthy()
    expect(screen.getByText('6–18 个月')).toBeTruthy()
    expect(screen.getByText('余 3 席')).toBeTruthy()
    expect(screen.getByText(/第一口吃什么/)).toBeTruthy()
    expect(screen.getByText('电话 0431-80000001')).toBeTruthy()

    // 小明 (10 months) suits the class and is picked; 大宝 (2½ years) does not.
    const choice = screen.getByRole('group', { name: '带哪个孩子参加（可不选）' })
    expect(
      within(choice)
        .getByText(/^小明（10个月）$/)
        .getAttribute('aria-checked'),
    ).toBe('true')
    expect(
      within(choice)
        .getByText(/大宝.*不在适合月龄/)
        .getAttribute('aria-checked'),
    ).toBe('false')
    fireEvent.click(within(choice).getByText(/大宝/))
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '大宝 的月龄不在本场适合范围内', icon: 'none' })

    fireEvent.click(screen.getByText('立即报名'))
    expect(await screen.findByText('已报名')).toBeTruthy()
    expect(signUpBody(requests)).toEqual({ childId: little.id, subscribed: [] })
    expect(requests.find((r) => r.method === 'POST' && r.path.endsWith('/sign-ups'))?.path).toBe(`/classes/${item.id}/sign-ups`)
    // Then the class as the BFF has it now: one seat fewer.
    await waitFor(() => expect(screen.getByText('余 2 席')).toBeTruthy())
    expect(screen.getByText('取消报名')).toBeTruthy()
  })

  it('offers 候补报名 when full and shows the waiting position afterwards', async () => {
    signedInParent()
    const item = fixture({ capacity: 20, confirmedCount: 20, seatsLeft: 0, waitingCount: 5 })
    answer('post', '/classes/:id/sign-ups', signUpFixture(item, { status: 'waiting', waitingPosition: 6 }))
    await openClass(item, { waitingCount: 6, mySignUp: { id: signUpFixture(item).id, status: 'waiting', waitingPosition: 6 } })
    expect(screen.getByText('已满，可候补 (候补 5 人)')).toBeTruthy()
    expect(screen.getByText(/报名后进入候补/)).toBeTruthy()

    fireEvent.click(screen.getByText('候补报名'))
    expect(await screen.findByText('候补第 6 位')).toBeTruthy()
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已进入候补，第 6 位', icon: 'none' })
    expect(screen.getByText('取消报名')).toBeTruthy()
  })

  it('does not offer cancelling after the cut-off, and says why', async () => {
    signedInParent()
    const item = fixture({
      title: '明早的课',
      startsAt: new Date(Date.now() + HOUR).toISOString(),
      cancellableUntil: new Date(Date.now() - HOUR).toISOString(),
    })
    await openClass({ ...item, ...confirmed(item) })

    expect(await screen.findByText('已报名')).toBeTruthy()
    expect(screen.queryByText('取消报名')).toBeNull()
    expect(screen.getByText(/已过取消截止时间.*候补家长有时间递补.*请致电中心 0431-80000001/)).toBeTruthy()
  })

  it('cancels before the cut-off after a confirm dialog', async () => {
    signedInParent()
    const requests = recordRequests()
    const item = fixture()
    await openClass({ ...item, ...confirmed(item) }, { mySignUp: null })

    fireEvent.click(await screen.findByText('取消报名'))
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '确定取消报名？您的名额将让给候补的家长。' }))
    expect(await screen.findByText('立即报名')).toBeTruthy()
    expect(requests.filter((r) => r.method === 'POST' && r.path.startsWith('/sign-ups')).map((r) => r.path)).toEqual([
      `/sign-ups/${signUpFixture(item).id}/cancel`,
    ])
  })

  it('in WeChat asks for the subscription messages first, and sends the kinds the parent accepted', async () => {
    process.env.TARO_ENV = 'weapp'
    signedInParent()
    answer('get', '/classes/message-templates', {
      sign_up_confirmed: 'demo-template-sign-up-confirmed',
      promoted: 'demo-template-promoted',
      reminder: null,
      class_cancelled: 'demo-template-class-cancelled',
    })
    const subscribe = stubSubscribe(() =>
      Promise.resolve({ errMsg: 'requestSubscribeMessage:ok', 'demo-template-sign-up-confirmed': 'accept', 'demo-template-class-cancelled': 'reject' }),
    )
    const requests = recordRequests()
    const item = fixture()
    await openClass(item, confirmed(item))
    await waitFor(() => expect(requests.some((r) => r.path === '/classes/message-templates' && r.answered)).toBe(true))

    fireEvent.click(screen.getByText('立即报名'))
    expect(subscribe).toHaveBeenCalledWith({ tmplIds: ['demo-template-sign-up-confirmed', 'demo-template-class-cancelled'] })
    expect(await screen.findByText('已报名')).toBeTruthy()
    expect(signUpBody(requests)).toEqual({ childId: null, subscribed: ['sign_up_confirmed'] })
  })

  it('still signs up when the parent refuses (or WeChat fails) the subscription prompt', async () => {
    process.env.TARO_ENV = 'weapp'
    signedInParent()
    const subscribe = stubSubscribe(() => Promise.reject({ errMsg: 'requestSubscribeMessage:fail cancel', errCode: 20004 }))
    const requests = recordRequests()
    const item = fixture({ capacity: 1, confirmedCount: 1, seatsLeft: 0 })
    answer('post', '/classes/:id/sign-ups', signUpFixture(item, { status: 'waiting', waitingPosition: 1 }))
    await openClass(item, { mySignUp: { id: signUpFixture(item).id, status: 'waiting', waitingPosition: 1 } })
    await waitFor(() => expect(requests.some((r) => r.path === '/classes/message-templates' && r.answered)).toBe(true))

    fireEvent.click(screen.getByText('候补报名'))
    // A full class can only promote the parent later: that is what they are asked about.
    expect(subscribe).toHaveBeenCalledWith({ tmplIds: ['demo-template-promoted', 'demo-template-reminder', 'demo-template-class-cancelled'] })
    expect(await screen.findByText('候补第 1 位')).toBeTruthy()
    expect(signUpBody(requests)).toEqual({ childId: null, subscribed: [] })
  })

  it('sends a signed-out parent to sign in first', async () => {
    const requests = recordRequests()
    await openClass()
    fireEvent.click(screen.getByText('登录后报名'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/sign-in/index' })
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0)
  })

  it('shows the BFF refusal (e.g. already signed up elsewhere) next to the button', async () => {
    signedInParent()
    await openClass()
    // e.g. signed up from another device after the page loaded
    answer('post', '/classes/:id/sign-ups', errorResponse(409, '您已报名这场课堂'))
    fireEvent.click(screen.getByText('立即报名'))
    expect((await screen.findByRole('alert')).textContent).toBe('您已报名这场课堂')
  })

  it('gives a confirmed parent the join link of an online class to copy', async () => {
    signedInParent()
    const item = fixture({
      title: '线上直播课',
      mode: 'online',
      venue: '腾讯会议',
      onlineUrl: 'https://meeting.example.com/j/1',
      address: null,
      lat: null,
      lng: null,
    })
    await openClass({ ...item, ...confirmed(item) })

    expect(await screen.findByText('https://meeting.example.com/j/1')).toBeTruthy()
    fireEvent.click(screen.getByText('复制链接'))
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: 'https://meeting.example.com/j/1' })
  })

  it('adds the class to the calendar: the .ics download on H5, the phone calendar in WeChat', async () => {
    signedInParent()
    const item = fixture({ startsAt: chinaAt(new Date(), 2, '09:30') })
    answer('get', CLASS, { ...item, ...confirmed(item) })
    routerParams({ id: item.id })
    const clicked: string[] = []
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.getAttribute('href') ?? '')
    })
    const page = render(<ClassPage />)
    fireEvent.click(await screen.findByText('添加到日历'))
    expect(clicked).toEqual([`/api/classes/${item.id}/calendar.ics`])
    click.mockRestore()
    page.unmount()

    process.env.TARO_ENV = 'weapp'
    Object.assign(Taro, { addPhoneCalendar: jest.fn(() => Promise.resolve({ errMsg: 'addPhoneCalendar:ok' })) })
    render(<ClassPage />)
    fireEvent.click(await screen.findByText('添加到日历'))
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '已添加到日历', icon: 'none' }))
    expect((Taro as unknown as { addPhoneCalendar: jest.Mock }).addPhoneCalendar).toHaveBeenCalledWith(
      expect.objectContaining({ title: '辅食添加课', startTime: Date.parse(item.startsAt) / 1000, alarm: true }),
    )
  })

  it('shares to a chat and to 朋友圈 with its title, opening this class for the receiver', async () => {
    const item = await openClass()
    const card = (useShareAppMessage as jest.Mock).mock.calls.at(-1)[0] as () => unknown
    const timeline = (useShareTimeline as jest.Mock).mock.calls.at(-1)[0] as () => unknown
    expect(card()).toEqual({ title: '辅食添加课', path: `/pages/class/index?id=${item.id}` })
    expect(timeline()).toEqual({ title: '辅食添加课', query: `id=${item.id}` })
  })

  it('the centre’s number is a tel: link in H5', async () => {
    process.env.TARO_ENV = 'h5'
    await openClass()
    expect(screen.getByText('电话 0431-80000001').closest('a')?.getAttribute('href')).toBe('tel:0431-80000001')
  })

  it('shows why a cancelled class takes no sign-ups, and a not-found state for an unknown id', async () => {
    signedInParent()
    await openClass({ status: 'cancelled', cancelReason: '主讲医生临时出诊', seatsLeft: 0 })
    expect(screen.getByText('本场已取消：主讲医生临时出诊')).toBeTruthy()
    expect(screen.queryByText('立即报名')).toBeNull()
    cleanup()

    answer('get', CLASS, errorResponse(404, '没有找到这场课堂'))
    routerParams({ id: '00000000-0000-4000-8000-0000000000ff' })
    render(<ClassPage />)
    expect(await screen.findByText('没有找到这场课堂，可能已被删除')).toBeTruthy()
  })
})
