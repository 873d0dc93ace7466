import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import dayjs from 'dayjs'
import Taro, { useRouter } from '@tarojs/taro'
import { institutionFixtures } from '../../../mock/fixtures/app'
import { committeeGrantFixture, meFixture } from '../../../mock/fixtures/app/account'
import { committeeNoticeFixture, committeePageFixture, noticeFixture, noticeListFixture, noticeSeeds, unreadFixture } from '../../../mock/fixtures/app/notices'
import { errorResponse } from '../../../mock/handlers'
import { answer, answerWith } from '../../../test/support/answers'
import { recordRequests, signedInParent } from '../../../test/support/app-session'
import CommitteePage from '../../pages/committee'
import LinkedPage from '../../pages/linked'
import MePage from '../../pages/me'
import NoticeComposePage from '../../pages/notices/compose'
import NoticeDetailPage from '../../pages/notices/detail'
import NoticesPage from '../../pages/notices'
import { NOTICE_CATEGORIES } from '../../../types/notices'
import { NOTICE_CATEGORY_ORDER } from './constants'
import { getQueryData } from '../../services/server-data'
import { refreshUnread, unreadCounts, type UnreadCounts } from './queries'
import { useReportedNotices } from './store'

const institution = institutionFixtures[0]
const routerParams = (params: Record<string, string>) => (useRouter as jest.Mock).mockImplementation(() => ({ params, path: '' }))
const [opening, fees] = noticeSeeds

/** A parent who follows `institution` (the default answers: its two notices, both unread). */
function linkedParent() {
  return signedInParent()
}

/** A parent on the committee of `institution`. */
function committeeMember() {
  signedInParent()
  answer('get', '/me', meFixture({ roles: ['parent', 'committee'], grants: [committeeGrantFixture(institution)] }))
}

const rowTexts = () => screen.getAllByTestId('notice-row').map((row) => row.textContent ?? '')

describe('notices for parents', () => {
  it('lists pinned notices first and marks the unread ones', async () => {
    linkedParent()
    const newest = noticeFixture(
      { ...opening, id: '7a1c0e52-4b1f-4c8e-9d52-0c5e2f6a1003', title: '最新的通知', postedAt: new Date().toISOString() },
      { read: true },
    )
    answer('get', '/institutions/:institutionId/notices', noticeListFixture([noticeFixture(fees), newest, noticeFixture(opening)]))
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
    answer('get', '/institutions/:institutionId/notices', errorResponse(404, '未关注该机构'))
    routerParams({ institutionId: institution.id })
    render(<NoticesPage />)
    expect(await screen.findByText(/还没有关注这个机构/)).toBeTruthy()
  })

  it('opening a notice marks it read: the dot goes, the counts and the 我的 tab badge drop', async () => {
    linkedParent()
    const [pinned, other] = [fees, opening]
    // The BFF's answers follow what the parent has opened (opening a notice marks it read there).
    const read = new Set<string>()
    answerWith('get', '/me/notices/unread', () => unreadFixture(2 - read.size))
    answerWith('get', '/institutions/:institutionId/notices', () =>
      noticeListFixture([pinned, other].map((seed) => noticeFixture(seed, { read: read.has(seed.id) }))),
    )
    answerWith('get', '/notices/:id', ({ params }) => {
      const seed = [pinned, other].find((n) => n.id === params.id) as typeof pinned
      read.add(seed.id)
      return noticeFixture(seed)
    })
    await refreshUnread()
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
    expect(getQueryData<UnreadCounts>(unreadCounts.key)?.unread).toBe(1)
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
    expect(getQueryData<UnreadCounts>(unreadCounts.key)?.unread).toBe(0)
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
    const notice = noticeFixture(opening, { title: '带链接的公告', body })
    answer('get', '/notices/:id', notice)
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
    linkedParent()
    const notice = noticeFixture(opening, { read: true })
    answer('get', '/notices/:id', notice)
    // Reported from this device, then (a fresh app state, e.g. another device) once more: the BFF answers 409.
    answer(
      'post',
      '/notices/:id/report',
      { id: '5e0a7c00-0000-4000-9000-0000000000c1', reportedAt: '2026-11-28T08:00:00.000Z' },
      errorResponse(409, '已举报过'),
    )
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
    first.unmount()

    // A fresh app state (e.g. another device): the BFF answers 409 and the page shows 已举报 all the same.
    useReportedNotices.getState().reset()
    render(<NoticeDetailPage />)
    await screen.findByText(notice.title)
    fireEvent.click(screen.getByText('举报'))
    fireEvent.change(screen.getByPlaceholderText('请说明举报原因（至少2个字）'), { target: { value: '再次举报' } })
    fireEvent.click(screen.getByText('提交举报'))
    expect(await screen.findByText('已举报')).toBeTruthy()
    expect(requests.filter((r) => r.path === `/notices/${notice.id}/report`).map((r) => r.body)).toEqual([{ reason: '内容不实' }, { reason: '再次举报' }])
  })
})

describe('notices for committee members', () => {
  it('a committee member sees 发布公告, read counts and statuses; 撤回 withdraws their own notice', async () => {
    committeeMember()
    const requests = recordRequests()
    const own = committeeNoticeFixture(fees, { title: '我发的公告', pinned: true, readCount: 1, linkedParents: 2 })
    const others = [
      committeeNoticeFixture(
        { ...opening, id: '7a1c0e52-4b1f-4c8e-9d52-0c5e2f6a1004' },
        { title: '被下架的公告', status: 'taken_down', takedownReason: '含有个人信息' },
      ),
      committeeNoticeFixture(
        { ...opening, id: '7a1c0e52-4b1f-4c8e-9d52-0c5e2f6a1005' },
        { title: '过期的公告', status: 'expired', expiresAt: '2026-01-01T00:00:00.000Z' },
      ),
    ]
    answer('get', '/institutions/:institutionId/committee/notices', { items: [own, ...others] }, { items: [{ ...own, status: 'withdrawn' }, ...others] })
    routerParams({ institutionId: institution.id })
    render(<NoticesPage />)

    expect(await screen.findByText('发布公告')).toBeTruthy()
    // The committee's view says in plain words what it is for.
    expect(screen.getByText('家委会管理：发布公告、查看家长已读情况')).toBeTruthy()
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
    expect(requests.filter((r) => r.method === 'POST' && r.path.startsWith('/notices')).map((r) => r.path)).toEqual([`/notices/${own.id}/withdraw`])
  })

  it('a committee member finds the institution on 我关注的机构 even without linking it', async () => {
    committeeMember()
    answer('get', '/me/institutions', { items: [] })
    render(<LinkedPage />)
    fireEvent.click(await screen.findByText(institution.name))
    expect(screen.getByText('家委会')).toBeTruthy()
    expect(screen.queryByText('还没有关注的机构')).toBeNull()
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/pages/notices/index?institutionId=${institution.id}&name=${encodeURIComponent(institution.name)}` })
  })

  it('a parent who is not on the committee does not see 发布公告', async () => {
    signedInParent()
    answer('get', '/me', meFixture({ roles: ['parent', 'committee'], grants: [committeeGrantFixture(institutionFixtures[1])] }))
    routerParams({ institutionId: institution.id })
    render(<NoticesPage />)
    await screen.findByText('12月家长开放日安排')
    expect(screen.queryByText('发布公告')).toBeNull()
    expect(screen.queryByText(/已读 \d/)).toBeNull()
  })

  it('compose sends title, body, category, 置顶 and the uploaded image ids', async () => {
    committeeMember()
    const uploaded = { id: '5e0a7c00-0000-4000-9000-0000000000b7', bytes: 8, contentType: 'image/png' }
    answer('post', '/notices/images', uploaded)
    const requests = recordRequests()
    routerParams({ institutionId: institution.id })
    render(<NoticeComposePage />)

    fireEvent.change(screen.getByPlaceholderText('公告标题'), { target: { value: '家长会通知' } })
    fireEvent.change(screen.getByPlaceholderText('公告内容'), { target: { value: '周五下午三点\n在一楼活动室' } })
    fireEvent.click(screen.getByText('会议'))
    fireEvent.click(screen.getByRole('switch'))
    const png = new Blob([new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10])], { type: 'image/png' })
    ;(Taro.chooseImage as jest.Mock).mockResolvedValueOnce({
      errMsg: 'chooseImage:ok',
      tempFilePaths: ['blob:a'],
      tempFiles: [{ path: 'blob:a', size: png.size, originalFileObj: png }],
    })
    fireEvent.click(screen.getByText('添加照片'))
    await waitFor(() => expect(screen.getByTestId('photo-thumb').className).toContain('photo-thumb--done'))

    fireEvent.click(screen.getByText('发布'))
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled())
    const sent = requests.find((r) => r.method === 'POST' && r.path === `/institutions/${institution.id}/notices`)
    expect(sent?.body).toEqual({ title: '家长会通知', body: '周五下午三点\n在一楼活动室', category: 'meeting', pinned: true, imageIds: [uploaded.id] })
    expect(requests.filter((r) => r.path === '/notices/images')).toHaveLength(1)
  })

  it('names the field WeChat content security refused, and keeps what the member wrote', async () => {
    committeeMember()
    answer(
      'post',
      '/institutions/:institutionId/notices',
      errorResponse(400, '参数 body 无效：内容含有违规信息，请修改后再发布', 'body', { code: 'content_risky' }),
    )
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
    committeeMember()
    const expiresAt = dayjs().subtract(3, 'day').endOf('day').toISOString()
    const own = noticeFixture(opening, { title: '原来的标题', body: '原来的内容', category: 'activity', pinned: true, expiresAt, read: true })
    answer('get', '/notices/:id', own)
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
  })

  it('saves the display name and adds a meeting record', async () => {
    committeeMember()
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
      expect(requests.find((r) => r.path === `/institutions/${institution.id}/committee/meetings`)?.body).toEqual({
        heldOn: '2026-11-20',
        title: '第一次会议',
        minutes: '选举主任',
      }),
    )
  })
})

describe('the public committee page', () => {
  it('shows whether the committee is established, its members, contact and meetings', async () => {
    answer('get', '/institutions/:institutionId/committee', {
      ...committeePageFixture,
      committee: { ...committeePageFixture.committee, establishedOn: null, membersInApp: 1 },
      members: [{ displayName: '家委会成员', since: '2026-09-01T02:00:00.000Z' }],
      contact: null,
      meetings: [],
    })
    routerParams({ institutionId: institution.id })
    render(<CommitteePage />)
    expect(await screen.findByText(/^未登记成立家长委员会 · 1 名成员在本应用 · 最近公告 (2026年)?11月26日$/)).toBeTruthy()
    expect(screen.getByText('家委会成员')).toBeTruthy()
    expect(screen.getByText('未公开')).toBeTruthy()
  })

  it('shows an established committee with its contact and meeting records', async () => {
    routerParams({ institutionId: institution.id })
    render(<CommitteePage />)
    expect(await screen.findByText(/^已成立（2024年1月） · 3 名成员在本应用 · 最近公告 (2026年)?11月26日$/)).toBeTruthy()
    expect(screen.getByText('家委会邮箱 jwh@example.com')).toBeTruthy()
    expect(screen.getByText('2026年11月15日 · 第一次家委会会议')).toBeTruthy()
  })
})

describe('contract', () => {
  it('offers exactly the contract categories', () => {
    expect([...NOTICE_CATEGORY_ORDER].sort()).toEqual([...NOTICE_CATEGORIES].sort())
  })
})

describe('images WeChat content security found risky', () => {
  it('tells the author which image of their notice parents no longer see, and why', async () => {
    committeeMember()
    answer('get', '/institutions/:institutionId/committee/notices', {
      items: [
        committeeNoticeFixture(opening, {
          title: '带图片的公告',
          removedImages: [{ id: '5e0a7c00-0000-4000-9000-00000000aaaa', position: 2, reason: '微信内容安全检测认定含有色情内容' }],
        }),
      ],
    })
    routerParams({ institutionId: institution.id })
    render(<NoticesPage />)

    await screen.findByText('带图片的公告')
    expect(screen.getByText('第 2 张图片已对家长隐藏：微信内容安全检测认定含有色情内容')).toBeTruthy()
  })
})
