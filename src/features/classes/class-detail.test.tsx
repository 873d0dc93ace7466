import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro, { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import dayjs from 'dayjs'
import { chinaAt } from '../../../mock/fixtures/app/classes'
import { classesMock } from '../../../mock/handlers/classes'
import { recordRequests, signedInParent } from '../../../test/support/app-session'
import ClassPage from '../../pages/class'

afterEach(() => classesMock.reset())

const HOUR = 3600 * 1000
const routerParams = (params: Record<string, string>) => (useRouter as jest.Mock).mockImplementation(() => ({ params, path: '' }))
const monthsAgo = (months: number) => dayjs().subtract(months, 'month').format('YYYY-MM')

/** The Taro stub has no subscription API; a test gives WeChat's answer. */
function stubSubscribe(answer: () => Promise<unknown>) {
  const mock = jest.fn(answer)
  Object.assign(Taro, { requestSubscribeMessage: mock })
  return mock
}

async function openClass(patch: Parameters<typeof classesMock.add>[0] = {}) {
  const item = classesMock.add({ title: '辅食添加课', minAgeMonths: 6, maxAgeMonths: 18, capacity: 10, ...patch })
  routerParams({ id: item.id })
  render(<ClassPage />)
  await screen.findByText('辅食添加课')
  return item
}

const signUpBody = (requests: ReturnType<typeof recordRequests>) => requests.find((r) => r.method === 'POST' && r.path.endsWith('/sign-ups'))?.body

describe('class detail and signing up', () => {
  const env = process.env.TARO_ENV
  afterEach(() => {
    process.env.TARO_ENV = env
    delete (Taro as { requestSubscribeMessage?: unknown }).requestSubscribeMessage
  })

  it('shows everything about the class, and signs up with the child whose age fits in one tap', async () => {
    const { user } = signedInParent({ children: [{ nickname: '大宝', birthMonth: monthsAgo(30) }, { nickname: '小明', birthMonth: monthsAgo(10) }] })
    const requests = recordRequests()
    await openClass({ description: '第一口吃什么？\n过敏怎么办？', speaker: '王丽 主任医师', othersConfirmed: 7 })

    expect(screen.getByText(/^明天 14:00–15:00$/)).toBeTruthy()
    expect(screen.getByText('王丽 主任医师')).toBeTruthy()
    expect(screen.getByText('6–18 个月')).toBeTruthy()
    expect(screen.getByText('余 3 席')).toBeTruthy()
    expect(screen.getByText(/第一口吃什么/)).toBeTruthy()
    expect(screen.getByText('电话 0431-80000001')).toBeTruthy()

    // 小明 (10 months) suits the class and is picked; 大宝 (2½ years) does not.
    const choice = screen.getByRole('group', { name: '带哪个孩子参加（可不选）' })
    expect(within(choice).getByText(/^小明（10个月）$/).getAttribute('aria-checked')).toBe('true')
    expect(within(choice).getByText(/大宝.*不在适合月龄/).getAttribute('aria-checked')).toBe('false')
    fireEvent.click(within(choice).getByText(/大宝/))
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '大宝 的月龄不在本场适合范围内', icon: 'none' })

    fireEvent.click(screen.getByText('立即报名'))
    expect(await screen.findByText('已报名')).toBeTruthy()
    const child = classesMock.signUps()[0]
    expect(child).toMatchObject({ userId: user.id, status: 'confirmed' })
    expect(signUpBody(requests)).toEqual({ childId: child.childId, subscribed: [] })
    expect(child.childId).toBe(user.children.find((c) => c.nickname === '小明')?.id)
    await waitFor(() => expect(screen.getByText('余 2 席')).toBeTruthy())
    expect(screen.getByText('取消报名')).toBeTruthy()
  })

  it('offers 候补报名 when full and shows the waiting position afterwards', async () => {
    signedInParent()
    await openClass({ capacity: 20, othersConfirmed: 20, othersWaiting: 5 })
    expect(screen.getByText('已满，可候补 (候补 5 人)')).toBeTruthy()
    expect(screen.getByText(/报名后进入候补/)).toBeTruthy()

    fireEvent.click(screen.getByText('候补报名'))
    expect(await screen.findByText('候补第 6 位')).toBeTruthy()
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已进入候补，第 6 位', icon: 'none' })
    expect(classesMock.signUps()[0].status).toBe('waiting')
    expect(screen.getByText('取消报名')).toBeTruthy()
  })

  it('does not offer cancelling after the cut-off, and says why', async () => {
    const { user } = signedInParent()
    const item = classesMock.add({ title: '明早的课', startsAt: new Date(Date.now() + HOUR).toISOString(), cancellableUntil: new Date(Date.now() - HOUR).toISOString() })
    classesMock.addSignUp(user.id, item.id, 'confirmed')
    routerParams({ id: item.id })
    render(<ClassPage />)

    expect(await screen.findByText('已报名')).toBeTruthy()
    expect(screen.queryByText('取消报名')).toBeNull()
    expect(screen.getByText(/已过取消截止时间.*候补家长有时间递补.*请致电中心 0431-80000001/)).toBeTruthy()
  })

  it('cancels before the cut-off after a confirm dialog', async () => {
    const { user } = signedInParent()
    const item = classesMock.add({ title: '辅食添加课' })
    classesMock.addSignUp(user.id, item.id, 'confirmed')
    routerParams({ id: item.id })
    render(<ClassPage />)

    fireEvent.click(await screen.findByText('取消报名'))
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '确定取消报名？您的名额将让给候补的家长。' }))
    expect(await screen.findByText('立即报名')).toBeTruthy()
    expect(classesMock.signUps()[0].status).toBe('cancelled')
  })

  it('in WeChat asks for the subscription messages first, and sends the kinds the parent accepted', async () => {
    process.env.TARO_ENV = 'weapp'
    signedInParent()
    classesMock.setTemplates({ reminder: null })
    const subscribe = stubSubscribe(() => Promise.resolve({ errMsg: 'requestSubscribeMessage:ok', 'demo-template-sign-up-confirmed': 'accept', 'demo-template-class-cancelled': 'reject' }))
    const requests = recordRequests()
    await openClass()
    await waitFor(() => expect(requests.some((r) => r.path === '/classes/message-templates')).toBe(true))

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
    await openClass({ capacity: 1, othersConfirmed: 1 })
    await waitFor(() => expect(requests.some((r) => r.path === '/classes/message-templates')).toBe(true))

    fireEvent.click(screen.getByText('候补报名'))
    // A full class can only promote the parent later: that is what they are asked about.
    expect(subscribe).toHaveBeenCalledWith({ tmplIds: ['demo-template-promoted', 'demo-template-reminder', 'demo-template-class-cancelled'] })
    expect(await screen.findByText('候补第 1 位')).toBeTruthy()
    expect(signUpBody(requests)).toEqual({ childId: null, subscribed: [] })
  })

  it('sends a signed-out parent to sign in first', async () => {
    await openClass()
    fireEvent.click(screen.getByText('登录后报名'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/sign-in/index' })
    expect(classesMock.signUps()).toHaveLength(0)
  })

  it('shows the BFF refusal (e.g. already signed up elsewhere) next to the button', async () => {
    const { user } = signedInParent()
    const item = await openClass()
    classesMock.addSignUp(user.id, item.id, 'confirmed') // e.g. from another device, after the page loaded
    fireEvent.click(screen.getByText('立即报名'))
    expect((await screen.findByRole('alert')).textContent).toBe('您已报名这场课堂')
  })

  it('gives a confirmed parent the join link of an online class to copy', async () => {
    const { user } = signedInParent()
    const item = classesMock.add({ title: '线上直播课', mode: 'online', venue: '腾讯会议', onlineUrl: 'https://meeting.example.com/j/1', address: null, lat: null, lng: null })
    classesMock.addSignUp(user.id, item.id, 'confirmed')
    routerParams({ id: item.id })
    render(<ClassPage />)

    expect(await screen.findByText('https://meeting.example.com/j/1')).toBeTruthy()
    fireEvent.click(screen.getByText('复制链接'))
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: 'https://meeting.example.com/j/1' })
  })

  it('adds the class to the calendar: the .ics download on H5, the phone calendar in WeChat', async () => {
    const { user } = signedInParent()
    const item = classesMock.add({ title: '辅食添加课', startsAt: chinaAt(new Date(), 2, '09:30') })
    classesMock.addSignUp(user.id, item.id, 'confirmed')
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
    await openClass({ status: 'cancelled', cancelReason: '主讲医生临时出诊' })
    expect(screen.getByText('本场已取消：主讲医生临时出诊')).toBeTruthy()
    expect(screen.queryByText('立即报名')).toBeNull()
    cleanup()

    routerParams({ id: '00000000-0000-4000-8000-0000000000ff' })
    render(<ClassPage />)
    expect(await screen.findByText('没有找到这场课堂，可能已被删除')).toBeTruthy()
  })
})
