import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import dayjs from 'dayjs'
import Taro, { useRouter } from '@tarojs/taro'
import { institutionFixtures } from '../../../mock/fixtures/app'
import { accountMock } from '../../../mock/handlers/account'
import { noticesMock } from '../../../mock/handlers/notices'
import { server } from '../../../mock/handlers/server'
import { http, HttpResponse } from 'msw'
import { recordRequests, signedInParent } from '../../../test/support/app-session'
import CommitteePage from '../../pages/committee'
import LinkedPage from '../../pages/linked'
import MePage from '../../pages/me'
import NoticeComposePage from '../../pages/notices/compose'
import NoticeDetailPage from '../../pages/notices/detail'
import NoticesPage from '../../pages/notices'
import { NOTICE_CATEGORIES } from '../../../types/notices'
import { NOTICE_CATEGORY_ORDER } from './constants'
import { useNoticesStore } from './store'

const institution = institutionFixtures[0]
const routerParams = (params: Record<string, string>) => (useRouter as jest.Mock).mockImplementation(() => ({ params, path: '' }))

function linkedParent(phone = '13800000000') {
  const session = signedInParent({ phone })
  accountMock.link(session.user.id, institution)
  return session
}

const rowTexts = () => screen.getAllByTestId('notice-row').map((row) => row.textContent ?? '')

describe('notices for parents', () => {
  it('lists pinned notices first and marks the unread ones', async () => {
    const { user } = linkedParent()
    const newest = noticesMock.add({ institutionId: institution.id, title: '最新的通知', postedAt: new Date().toISOString() })
    noticesMock.markRead(newest.id, user.id)
    routerParams({ institutionId: institution.id })
    render(<NoticesPage />)

    await screen.findByText('最新的通知')
    const rows = rowTexts()
    expect(rows[0]).toContain('📌 置顶')
    expect(rows[0]).toContain('2026年秋季伙食费公示')
    expect(rows[0]).toContain('费用公示')
    expect(rows[1]).toContain('最新的通知')
    expect(rows[1]).not.toContain('未读')
    expect(rows[2]).toContain('12月家长开放日安排')
    expect(rows[2]).toContain('未读')
    expect(screen.getAllByText('未读')).toHaveLength(2)
    expect(screen.queryByText('发布公告')).toBeNull()
  })

  it('explains when the parent does not follow the institution', async () => {
    signedInParent()
    routerParams({ institutionId: institution.id })
    render(<NoticesPage />)
    expect(await screen.findByText(/还没有关注这个机构/)).toBeTruthy()
  })

  it('opening a notice marks it read: the dot goes, the counts and the 我的 tab badge drop', async () => {
    linkedParent()
    const [pinned, other] = [noticesMock.notices()[1], noticesMock.notices()[0]]
    await useNoticesStore.getState().refreshUnread()
    expect(Taro.setTabBarBadge).toHaveBeenLastCalledWith({ index: 4, text: '2' })

    routerParams({ institutionId: institution.id })
    const list = render(<NoticesPage />)
    await screen.findByText(pinned.title)
    expect(screen.getAllByText('未读')).toHaveLength(2)
    fireEvent.click(screen.getByText(pinned.title))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/pages/notices/detail?id=${pinned.id}` })
    list.unmount()

    routerParams({ id: pinned.id })
    const detail = render(<NoticeDetailPage />)
    await screen.findByText(pinned.title)
    await waitFor(() => expect(Taro.setTabBarBadge).toHaveBeenLastCalledWith({ index: 4, text: '1' }))
    expect(useNoticesStore.getState().unread).toBe(1)
    detail.unmount()

    routerParams({ institutionId: institution.id })
    const again = render(<NoticesPage />)
    await waitFor(() => expect(screen.getAllByText('未读')).toHaveLength(1))
    expect(rowTexts()[0]).not.toContain('未读')
    again.unmount()

    routerParams({ id: other.id })
    render(<NoticeDetailPage />)
    await screen.findByText(other.title)
    await waitFor(() => expect(Taro.removeTabBarBadge).toHaveBeenCalledWith({ index: 4 }))
    expect(useNoticesStore.getState().unread).toBe(0)
  })

  it('shows the unread count per institution on 我关注的机构, and its name opens the notices', async () => {
    linkedParent()
    render(<LinkedPage />)
    const name = await screen.findByText(institution.name)
    await waitFor(() => expect(screen.getByLabelText('2 条未读').textContent).toBe('2'))
    fireEvent.click(name)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/pages/notices/index?institutionId=${institution.id}&name=${encodeURIComponent(institution.name)}` })
  })

  it('puts the total on the 我的 tab when 我的 shows', async () => {
    linkedParent()
    render(<MePage />)
    await waitFor(() => expect(Taro.setTabBarBadge).toHaveBeenCalledWith({ index: 4, text: '2' }))
    expect(await screen.findByText('2 条未读 ›')).toBeTruthy()
  })

  it('shows the body as literal text: no script element, no link', async () => {
    linkedParent()
    const body = '第一行\n<script>alert(1)</script>\n详情见 https://example.com/a?b=1 <a href="https://evil.example">点这里</a>'
    const notice = noticesMock.add({ institutionId: institution.id, title: '带链接的公告', body })
    routerParams({ id: notice.id })
    const { container } = render(<NoticeDetailPage />)
    await screen.findByText('带链接的公告')
    const shown = container.querySelector('.notice-detail__body') as HTMLElement
    expect(shown.textContent).toBe(body)
    expect(shown.style.whiteSpace).toBe('pre-wrap')
    expect(container.querySelector('script')).toBeNull()
    expect(container.querySelector('a')).toBeNull()
  })

  it('reports a notice with a reason, then shows 已举报 (also when already reported)', async () => {
    const { user } = linkedParent()
    const notice = noticesMock.notices()[0]
    const requests = recordRequests()
    routerParams({ id: notice.id })
    const first = render(<NoticeDetailPage />)
    await screen.findByText(notice.title)

    fireEvent.click(screen.getByText('举报'))
    fireEvent.click(screen.getByText('提交举报'))
    expect(screen.getByText('请填写举报原因（至少2个字）')).toBeTruthy()
    fireEvent.change(screen.getByPlaceholderText('请说明举报原因（至少2个字）'), { target: { value: '内容不实' } })
    fireEvent.click(screen.getByText('提交举报'))
    expect(await screen.findByText('已举报')).toBeTruthy()
    expect(requests.find((r) => r.method === 'POST' && r.path === `/notices/${notice.id}/report`)?.body).toEqual({ reason: '内容不实' })
    expect(noticesMock.reports()).toEqual([{ noticeId: notice.id, userId: user.id, reason: '内容不实' }])
    first.unmount()

    // A fresh app state (e.g. another device): the BFF answers 409 and the page shows 已举报 all the same.
    useNoticesStore.getState().reset()
    render(<NoticeDetailPage />)
    await screen.findByText(notice.title)
    fireEvent.click(screen.getByText('举报'))
    fireEvent.change(screen.getByPlaceholderText('请说明举报原因（至少2个字）'), { target: { value: '再次举报' } })
    fireEvent.click(screen.getByText('提交举报'))
    expect(await screen.findByText('已举报')).toBeTruthy()
    expect(noticesMock.reports()).toHaveLength(1)
  })
})

describe('notices for committee members', () => {
  it('a committee member sees 发布公告, read counts and statuses; 撤回 withdraws their own notice', async () => {
    const reader = accountMock.signUp({ phone: '13900000001' }).user
    accountMock.link(reader.id, institution)
    const { user } = linkedParent()
    accountMock.grantCommittee(user.id, institution)
    const own = noticesMock.add({ institutionId: institution.id, title: '我发的公告', authorId: user.id, pinned: true })
    noticesMock.markRead(own.id, reader.id)
    noticesMock.add({ institutionId: institution.id, title: '被下架的公告', status: 'taken_down', takedownReason: '含有个人信息' })
    noticesMock.add({ institutionId: institution.id, title: '过期的公告', expiresAt: '2026-01-01T00:00:00.000Z', postedAt: '2026-01-01T00:00:00.000Z' })
    routerParams({ institutionId: institution.id })
    render(<NoticesPage />)

    expect(await screen.findByText('发布公告')).toBeTruthy()
    await screen.findByText('我发的公告')
    const ownRow = screen.getAllByTestId('notice-row')[0]
    expect(ownRow.textContent).toContain('已读 1/2')
    expect(screen.getByText('已被下架：含有个人信息')).toBeTruthy()
    expect(screen.getByText('已过期')).toBeTruthy()
    expect(screen.getByPlaceholderText('在家委会显示的名字')).toBeTruthy()

    fireEvent.click(screen.getByText('发布公告'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/pages/notices/compose?institutionId=${institution.id}` })
    fireEvent.click(within(ownRow).getByText('编辑'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/pages/notices/compose?institutionId=${institution.id}&id=${own.id}` })

    fireEvent.click(within(ownRow).getByText('撤回'))
    await waitFor(() => expect(within(screen.getAllByTestId('notice-row')[0]).getByText('已撤回')).toBeTruthy())
    expect(noticesMock.notices().find((n) => n.id === own.id)?.status).toBe('withdrawn')
  })

  it('a committee member finds the institution on 我关注的机构 even without linking it', async () => {
    const { user } = signedInParent({ phone: '13900000002' })
    accountMock.grantCommittee(user.id, institution)
    render(<LinkedPage />)
    fireEvent.click(await screen.findByText(institution.name))
    expect(screen.getByText('家委会')).toBeTruthy()
    expect(screen.queryByText('还没有关注的机构')).toBeNull()
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/pages/notices/index?institutionId=${institution.id}&name=${encodeURIComponent(institution.name)}` })
  })

  it('a parent who is not on the committee does not see 发布公告', async () => {
    const { user } = linkedParent()
    accountMock.grantCommittee(user.id, institutionFixtures[1])
    routerParams({ institutionId: institution.id })
    render(<NoticesPage />)
    await screen.findByText('12月家长开放日安排')
    expect(screen.queryByText('发布公告')).toBeNull()
    expect(screen.queryByText(/已读 \d/)).toBeNull()
  })

  it('compose sends title, body, category, 置顶 and the uploaded image ids', async () => {
    const { user } = linkedParent()
    accountMock.grantCommittee(user.id, institution)
    const requests = recordRequests()
    routerParams({ institutionId: institution.id })
    render(<NoticeComposePage />)

    fireEvent.change(screen.getByPlaceholderText('公告标题'), { target: { value: '家长会通知' } })
    fireEvent.change(screen.getByPlaceholderText('公告内容'), { target: { value: '周五下午三点\n在一楼活动室' } })
    fireEvent.click(screen.getByText('会议'))
    fireEvent.click(screen.getByRole('switch'))
    const png = new Blob([new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10])], { type: 'image/png' })
    ;(Taro.chooseImage as jest.Mock).mockResolvedValueOnce({ errMsg: 'chooseImage:ok', tempFilePaths: ['blob:a'], tempFiles: [{ path: 'blob:a', size: png.size, originalFileObj: png }] })
    fireEvent.click(screen.getByText('添加照片'))
    await waitFor(() => expect(screen.getByTestId('notice-image').className).toContain('notice-thumb--done'))

    fireEvent.click(screen.getByText('发布'))
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled())
    const sent = requests.find((r) => r.method === 'POST' && r.path === `/institutions/${institution.id}/notices`)
    const created = noticesMock.notices().find((n) => n.title === '家长会通知')
    expect(sent?.body).toEqual({ title: '家长会通知', body: '周五下午三点\n在一楼活动室', category: 'meeting', pinned: true, imageIds: [created?.images[0].id] })
    expect(created?.images).toHaveLength(1)
  })

  it('names the field WeChat content security refused, and keeps what the member wrote', async () => {
    const { user } = linkedParent()
    accountMock.grantCommittee(user.id, institution)
    server.use(http.post(`*/api/institutions/${institution.id}/notices`, () =>
      HttpResponse.json({ statusCode: 400, error: 'Bad Request', message: '参数 body 无效：内容含有违规信息，请修改后再发布', field: 'body', code: 'content_risky' }, { status: 400 })))
    routerParams({ institutionId: institution.id })
    render(<NoticeComposePage />)
    fireEvent.change(screen.getByPlaceholderText('公告标题'), { target: { value: '家长会通知' } })
    fireEvent.change(screen.getByPlaceholderText('公告内容'), { target: { value: '违规测试' } })
    fireEvent.click(screen.getByText('发布'))
    expect(await screen.findByText('正文含有不宜发布的内容，请修改后再发布')).toBeTruthy()
    expect((screen.getByPlaceholderText('公告内容') as HTMLTextAreaElement).value).toBe('违规测试')
    expect(Taro.navigateBack).not.toHaveBeenCalled()
  })

  it('editing sends the whole notice, an expiry that has passed unchanged', async () => {
    const { user } = linkedParent()
    accountMock.grantCommittee(user.id, institution)
    const expiresAt = dayjs().subtract(3, 'day').endOf('day').toISOString()
    const own = noticesMock.add({ institutionId: institution.id, title: '原来的标题', body: '原来的内容', category: 'activity', pinned: true, expiresAt, authorId: user.id })
    const requests = recordRequests()
    routerParams({ institutionId: institution.id, id: own.id })
    render(<NoticeComposePage />)
    const title = screen.getByPlaceholderText('公告标题') as HTMLInputElement
    await waitFor(() => expect(title.value).toBe('原来的标题'))
    fireEvent.change(title, { target: { value: '改过的标题' } })
    fireEvent.click(screen.getByText('保存修改'))
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled())
    expect(requests.find((r) => r.method === 'PUT')).toMatchObject({
      path: `/notices/${own.id}`,
      body: { title: '改过的标题', body: '原来的内容', category: 'activity', pinned: true, expiresAt, imageIds: [] },
    })
    expect(noticesMock.notices().find((n) => n.id === own.id)?.title).toBe('改过的标题')
  })

  it('saves the display name and adds a meeting record', async () => {
    const { user } = linkedParent()
    accountMock.grantCommittee(user.id, institution)
    const requests = recordRequests()
    routerParams({ institutionId: institution.id })
    render(<NoticesPage />)
    fireEvent.change(await screen.findByPlaceholderText('在家委会显示的名字'), { target: { value: '小明妈妈' } })
    fireEvent.click(screen.getByText('保存'))
    await waitFor(() => expect(requests.find((r) => r.method === 'PUT')?.body).toEqual({ displayName: '小明妈妈' }))
    fireEvent.change(screen.getByLabelText('picker-date'), { target: { value: '2026-11-20' } })
    fireEvent.change(screen.getByPlaceholderText('会议主题'), { target: { value: '第一次会议' } })
    fireEvent.change(screen.getByPlaceholderText('会议纪要'), { target: { value: '选举主任' } })
    fireEvent.click(screen.getByText('添加'))
    await waitFor(() =>
      expect(requests.find((r) => r.path === `/institutions/${institution.id}/committee/meetings`)?.body).toEqual({ heldOn: '2026-11-20', title: '第一次会议', minutes: '选举主任' }),
    )
  })
})

describe('the public committee page', () => {
  it('shows whether the committee is active, its members, contact and meetings', async () => {
    const { user } = linkedParent()
    accountMock.grantCommittee(user.id, institution)
    routerParams({ institutionId: institution.id })
    render(<CommitteePage />)
    expect(await screen.findByText('家长委员会：未成立')).toBeTruthy()
    expect(screen.getByText('家委会成员')).toBeTruthy()
    expect(screen.getByText('最近发布：2026年11月26日')).toBeTruthy()
    expect(screen.getByText('未公开')).toBeTruthy()
  })
})

describe('contract', () => {
  it('offers exactly the contract categories', () => {
    expect([...NOTICE_CATEGORY_ORDER].sort()).toEqual([...NOTICE_CATEGORIES].sort())
  })
})

describe('images WeChat content security found risky', () => {
  it('tells the author which image of their notice parents no longer see, and why', async () => {
    const { user } = linkedParent()
    accountMock.grantCommittee(user.id, institution)
    noticesMock.add({
      institutionId: institution.id, title: '带图片的公告', authorId: user.id,
      removedImages: [{ id: '5e0a7c00-0000-4000-9000-00000000aaaa', position: 2, reason: '微信内容安全检测认定含有色情内容' }],
    })
    routerParams({ institutionId: institution.id })
    render(<NoticesPage />)

    await screen.findByText('带图片的公告')
    expect(screen.getByText('第 2 张图片已对家长隐藏：微信内容安全检测认定含有色情内容')).toBeTruthy()
  })
})
