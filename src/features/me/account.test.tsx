import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { childOf, committeeGrantFixture, linkedFixture, meFixture } from '../../../mock/fixtures/app/account'
import { institutionFixtures } from '../../../mock/fixtures/app'
import { errorResponse } from '../../../mock/handlers'
import { answer } from '../../../test/support/answers'
import { storage } from '../../../test/stubs/taro'
import { recordRequests, signedInParent } from '../../../test/support/app-session'
import MePage from '../../pages/me'
import PrivacyPage from '../../pages/privacy'
import { LinkedInstitutions } from './components/linked-institutions'

describe('privacy policy', () => {
  it('asks again when the policy changed since the parent accepted it; 同意 records the new version', async () => {
    signedInParent()
    // Accepted 2026-11-28; the current version is 2026-12-15. After 同意 the BFF has it accepted.
    const before = meFixture()
    const changed = { ...before.consents.privacyPolicy, currentVersion: '2026-12-15', needed: true }
    const accepted = { ...changed, acceptedVersion: '2026-12-15', needed: false }
    answer(
      'get',
      '/me',
      { ...before, consents: { ...before.consents, privacyPolicy: changed } },
      { ...before, consents: { ...before.consents, privacyPolicy: accepted } },
    )
    const requests = recordRequests()
    render(<MePage />)

    const banner = await screen.findByText('《隐私政策》已更新')
    expect(screen.getByText(/版本 2026-12-15/)).toBeTruthy()
    fireEvent.click(within(banner.closest('.policy-banner') as HTMLElement).getByText('查看'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/privacy/index' })

    fireEvent.click(screen.getByText('同意'))

    await waitFor(() => expect(screen.queryByText('《隐私政策》已更新')).toBeNull())
    expect(requests.find((r) => r.path === '/me/consents')?.body).toEqual({ kind: 'privacy_policy', version: '2026-12-15', action: 'accept' })
  })

  it('shows no banner when the current version is accepted', async () => {
    signedInParent()
    render(<MePage />)
    await screen.findByText('138****0000')
    expect(screen.queryByText(/隐私政策》已更新|请阅读并同意/)).toBeNull()
  })

  it('shows the current policy with its version, date and paragraphs', async () => {
    render(<PrivacyPage />)
    expect(await screen.findByText('吉林托育隐私政策（演示文本）')).toBeTruthy()
    expect(screen.getByText('版本 2026-11-28 · 2026年11月28日 发布')).toBeTruthy()
    expect(document.querySelectorAll('.policy__paragraph').length).toBe(5)
  })
})

describe('我关注的机构', () => {
  it('links an institution by invitation code, explains an unknown code, and unlinks', async () => {
    signedInParent()
    const requests = recordRequests()
    answer('get', '/me/institutions', { items: [] })
    answer('post', '/me/institutions', errorResponse(404, '邀请码无效或已过期'), linkedFixture(institutionFixtures[0]))
    render(<LinkedInstitutions />)
    await screen.findByText('还没有关注的机构')

    fireEvent.change(screen.getByPlaceholderText('8位邀请码'), { target: { value: 'NOPE1234' } })
    fireEvent.click(screen.getByText('关注'))
    expect(await screen.findByText('邀请码无效或已过期')).toBeTruthy()

    fireEvent.change(screen.getByPlaceholderText('8位邀请码'), { target: { value: 'JLTY2026' } })
    fireEvent.click(screen.getByText('关注'))
    expect(await screen.findByText(institutionFixtures[0].name)).toBeTruthy()
    expect(screen.queryByText('邀请码无效或已过期')).toBeNull()

    fireEvent.click(screen.getByText('取消关注'))
    await waitFor(() => expect(screen.queryByText(institutionFixtures[0].name)).toBeNull())
    expect(requests.filter((r) => r.method !== 'GET' && r.path.startsWith('/me/institutions')).map((r) => [r.method, r.path, r.body])).toEqual([
      ['POST', '/me/institutions', { code: 'NOPE1234' }],
      ['POST', '/me/institutions', { code: 'JLTY2026' }],
      ['DELETE', `/me/institutions/${institutionFixtures[0].id}`, undefined],
    ])
  })

  it('checks the code format before asking the server', async () => {
    signedInParent()
    const requests = recordRequests()
    render(<LinkedInstitutions />)
    fireEvent.change(screen.getByPlaceholderText('8位邀请码'), { target: { value: 'ABC' } })
    fireEvent.click(screen.getByText('关注'))
    expect(screen.getByText('邀请码为8位字母或数字')).toBeTruthy()
    expect(requests.filter((r) => r.method === 'POST' && r.path === '/me/institutions')).toEqual([])
  })
})

describe('导出我的数据', () => {
  const env = process.env.TARO_ENV
  afterEach(() => {
    process.env.TARO_ENV = env
    jest.restoreAllMocks()
  })

  it('in a browser downloads the JSON file the BFF exports, fetched with the token', async () => {
    const tokens = signedInParent()
    const requests = recordRequests()
    const blobs: Blob[] = []
    URL.createObjectURL = jest.fn((blob: Blob) => {
      blobs.push(blob)
      return 'blob:export'
    })
    URL.revokeObjectURL = jest.fn()
    const clicked: HTMLAnchorElement[] = []
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this)
    })
    render(<MePage />)

    fireEvent.click(await screen.findByText('导出我的数据'))

    await waitFor(() => expect(clicked).toHaveLength(1))
    expect(clicked[0].download).toBe('jilin-tuoyu-my-data.json')
    expect(clicked[0].href).toBe('blob:export')
    expect(requests.find((r) => r.path === '/me/export')?.authorization).toBe(`Bearer ${tokens.accessToken}`)
    const exported = JSON.parse(await blobs[0].text())
    expect(exported.children[0].nickname).toBe('小明')
  })

  it('in the mini-program says so honestly and offers to copy the JSON', async () => {
    process.env.TARO_ENV = 'weapp'
    signedInParent()
    render(<MePage />)

    fireEvent.click(await screen.findByText('导出我的数据'))
    const sheet = await screen.findByRole('dialog', { name: '数据已导出' })
    expect(within(sheet).getByText(/小程序内无法保存 JSON 文件/)).toBeTruthy()
    fireEvent.click(within(sheet).getByText('复制数据'))

    await waitFor(() => expect(Taro.setClipboardData).toHaveBeenCalledTimes(1))
    const copied = JSON.parse((Taro.setClipboardData as jest.Mock).mock.calls[0][0].data)
    expect(copied.children[0].nickname).toBe('小明')
  })
})

describe('注销账号', () => {
  it('explains what is deleted and what the law keeps, deletes the account and signs out', async () => {
    signedInParent()
    answer('get', '/me/children', { items: [childOf({ nickname: '小明' })] })
    const requests = recordRequests()
    render(<MePage />)
    expect(await screen.findByText('小明')).toBeTruthy()

    fireEvent.click(await screen.findByText('注销账号'))
    const sheet = screen.getByRole('dialog', { name: '注销账号' })
    expect(within(sheet).getByText(/孩子信息/)).toBeTruthy()
    expect(within(sheet).getByText(/投诉举报，仅在法律要求的期限内保留，并与您的身份断开关联/)).toBeTruthy()
    expect(requests.filter((r) => r.method === 'DELETE')).toEqual([])

    fireEvent.click(within(sheet).getByText('确认注销'))

    expect(await screen.findByPlaceholderText('手机号')).toBeTruthy()
    expect(requests.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual(['/me'])
    expect(JSON.parse(String(storage.get('jilin-tuoyu/session'))).state.session).toBeNull()
    expect(screen.queryByText('小明')).toBeNull()
  })

  it('cancelling keeps everything', async () => {
    signedInParent()
    const requests = recordRequests()
    render(<MePage />)
    fireEvent.click(await screen.findByText('注销账号'))
    fireEvent.click(within(screen.getByRole('dialog', { name: '注销账号' })).getByText('取消'))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(requests.filter((r) => r.method === 'DELETE')).toEqual([])
    expect(screen.getByText('退出登录')).toBeTruthy()
  })
})

describe('a committee member on 我的', () => {
  it('sees their role and the institution, and a plainly named way into the committee’s tools', async () => {
    signedInParent()
    const institution = institutionFixtures[1]
    answer('get', '/me', meFixture({ roles: ['parent', 'committee'], grants: [committeeGrantFixture(institution)] }))
    render(<MePage />)

    const role = (await screen.findByText('家委会成员')).closest('.committee-role') as HTMLElement
    expect(within(role).getByText(institution.name)).toBeTruthy()
    fireEvent.click(within(role).getByText('家委会管理：发布公告、查看已读'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({
      url: `/pages/notices/index?institutionId=${encodeURIComponent(institution.id)}&name=${encodeURIComponent(institution.name)}`,
    })
  })

  it('shows a parent without a committee role no committee entry', async () => {
    signedInParent()
    render(<MePage />)
    await screen.findByText('138****0000')
    expect(screen.queryByText('家委会成员')).toBeNull()
    expect(screen.queryByText(/家委会管理/)).toBeNull()
  })
})
