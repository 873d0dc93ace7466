import Taro from '@tarojs/taro'
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { institutionFixtures } from '../../../mock/fixtures/app'
import {
  closedComplaintFixture,
  complaintListFixture,
  openComplaintFixture,
  overdueComplaintFixture,
  uploadedPhotoFixture,
} from '../../../mock/fixtures/app/complaints'
import { errorResponse } from '../../../mock/handlers'
import { useRouter } from '../../../test/stubs/taro'
import { answer } from '../../../test/support/answers'
import { signedInParent } from '../../../test/support/app-session'
import { TRACKING_NUMBER_PATTERN as CONTRACT_PATTERN, COMPLAINT_CATEGORIES } from '../../../types/complaints'
import ComplaintsPage from '../../pages/complaints'
import InstitutionPage from '../../pages/institution'
import { ComplaintFollow } from './components/complaint-follow'
import { CATEGORY_OPTIONS, TRACKING_NUMBER_PATTERN } from './constants'
import { useLocalComplaints } from './local-complaints'
import { chooseReturns, pngFile, recordComplaintRequests, shownCode } from './test-helpers'

const closed = closedComplaintFixture
const open = overdueComplaintFixture
/** A complaint filed while signed in, about the second demo institution. */
const mine = openComplaintFixture({
  category: 'food',
  institution: { id: institutionFixtures[1].id, name: institutionFixtures[1].name },
  description: '午餐的饭菜经常是凉的，孩子回家说吃不饱。',
})

function track(trackingNumber: string, secret: string) {
  fireEvent.change(screen.getByPlaceholderText('查询编号'), { target: { value: trackingNumber } })
  fireEvent.change(screen.getByPlaceholderText('查询码'), { target: { value: secret } })
  fireEvent.click(screen.getByText('查询'))
}

describe('following a complaint', () => {
  it('by number + secret shows the status, the step timeline, departments, deadlines and the reply', async () => {
    const requests = recordComplaintRequests()
    answer('post', '/complaints/track', closed.view)
    render(<ComplaintFollow />)
    track(closed.view.trackingNumber, closed.secret)

    expect(await screen.findByText(shownCode(closed.view.trackingNumber))).toBeTruthy()
    const steps = screen.getByRole('list', { name: '办理状态' })
    expect(
      within(steps)
        .getAllByRole('listitem')
        .map((li) => li.querySelector('.steps__name')?.textContent),
    ).toEqual(['已提交', '已受理', '已派单', '办理中', '已答复', '已办结'])
    expect(screen.getAllByText('已办结').length).toBeGreaterThan(1) // the status tag too
    expect(screen.getByText('市场监管')).toBeTruthy()
    expect(screen.getByText('受理期限')).toBeTruthy()
    expect(screen.getByText('2026年11月23日')).toBeTruthy()
    expect(screen.getByText(/已责令其在 5 个工作日内退还/)).toBeTruthy()
    expect(screen.getByText('核查结果：属实')).toBeTruthy()
    // Closed: rating, no additions.
    expect(screen.getByText('提交评价')).toBeTruthy()
    expect(screen.queryByText('提交补充材料')).toBeNull()
    expect(requests.find((r) => r.path === '/complaints/track')?.body).toEqual({ trackingNumber: closed.view.trackingNumber, secret: closed.secret })
  })

  it('says so when the number or secret is wrong', async () => {
    answer('post', '/complaints/track', errorResponse(404, '查询编号或查询码不正确 (complaint not found)'))
    render(<ComplaintFollow />)
    track(closed.view.trackingNumber, 'WRONG-SECRET-1')
    expect(await screen.findByText('查询编号或查询码不正确')).toBeTruthy()
    track('123', 'x')
    expect(screen.getByText(/请输入正确的查询编号/)).toBeTruthy()
  })

  it('shows 不予受理 with the reason', async () => {
    const rejectedAt = '2026-11-12T02:00:00.000Z'
    answer('post', '/complaints/track', {
      ...open.view,
      status: 'rejected',
      overdue: false,
      rejectionReason: '不属于托育服务监管范围',
      timeline: [...open.view.timeline, { type: 'rejected', at: rejectedAt, department: null, note: null, by: 'regulator' }],
    })
    render(<ComplaintFollow />)
    track(open.view.trackingNumber, open.secret)
    const steps = await screen.findByRole('list', { name: '办理状态' })
    expect(
      within(steps)
        .getAllByRole('listitem')
        .map((li) => li.querySelector('.steps__name')?.textContent),
    ).toEqual(['已提交', '不予受理'])
    expect(screen.getByText('不予受理的原因：不属于托育服务监管范围')).toBeTruthy()
    expect(screen.queryByText('提交补充材料')).toBeNull()
    expect(screen.queryByText('提交评价')).toBeNull()
  })

  it('while open: overdue is marked and 补充材料 posts text + photos with the secret', async () => {
    const requests = recordComplaintRequests()
    const photo = uploadedPhotoFixture(7)
    const addition = {
      text: '今天又看到有新的孩子被送来。',
      photos: [{ id: photo.photoId, url: `/api/complaints/photos/${photo.photoId}?sig=demo` }],
      at: '2026-11-28T03:00:00.000Z',
    }
    answer('post', '/complaints/track', open.view)
    answer('post', '/complaints/photos', photo)
    // After the addition the BFF's view has it.
    answer('get', '/complaints/:trackingNumber', { ...open.view, additions: [addition] })
    render(<ComplaintFollow />)
    track(open.view.trackingNumber, open.secret)
    expect(await screen.findByText('2026年11月19日（已超期）')).toBeTruthy()
    expect(screen.getAllByText('已超期').length).toBeGreaterThan(0)

    fireEvent.change(screen.getByPlaceholderText('补充说明（如新的情况、证据）'), { target: { value: '今天又看到有新的孩子被送来。' } })
    chooseReturns([pngFile()])
    fireEvent.click(screen.getByText('添加照片'))
    await waitFor(() => expect(screen.getByTestId('photo-thumb').className).toContain('photo-thumb--done'))
    // A screen reader names each photo (on H5 the alt reaches the <img> inside Taro's Image).
    expect(screen.getByTestId('photo-thumb').querySelector('img')?.getAttribute('alt')).toBe('照片 1')
    fireEvent.click(screen.getByText('提交补充材料'))

    expect(await screen.findByText('今天又看到有新的孩子被送来。')).toBeTruthy()
    const sent = requests.find((r) => r.path === `/complaints/${open.view.trackingNumber}/additions`)
    expect(sent?.method).toBe('POST')
    expect(sent?.headers['x-complaint-secret']).toBe(open.secret)
    expect(sent?.body).toEqual({ text: '今天又看到有新的孩子被送来。', photoIds: [photo.photoId] })
  })

  it('when closed: 评价 once, 1–5 stars and a comment, with the secret', async () => {
    const requests = recordComplaintRequests()
    answer('post', '/complaints/track', closed.view)
    answer('get', '/complaints/:trackingNumber', { ...closed.view, rating: { score: 4, comment: '处理及时', at: '2026-11-28T03:00:00.000Z' } })
    render(<ComplaintFollow />)
    track(closed.view.trackingNumber, closed.secret)
    fireEvent.click(await screen.findByText('提交评价'))
    expect(screen.getByText('请选择星级')).toBeTruthy()
    fireEvent.click(screen.getByLabelText('4 星'))
    fireEvent.change(screen.getByPlaceholderText('评价内容（选填）'), { target: { value: '处理及时' } })
    fireEvent.click(screen.getByText('提交评价'))

    expect(await screen.findByText('您的评价：★★★★☆')).toBeTruthy()
    expect(screen.queryByText('提交评价')).toBeNull()
    const rating = requests.find((r) => r.path === `/complaints/${closed.view.trackingNumber}/rating`)
    expect(rating?.body).toEqual({ score: 4, comment: '处理及时' })
    expect(rating?.headers['x-complaint-secret']).toBe(closed.secret)
  })

  it('opened from 本机提交的投诉 uses the secret kept on the device', async () => {
    const requests = recordComplaintRequests()
    answer('get', '/complaints/:trackingNumber', open.view)
    useLocalComplaints.getState().remember({
      trackingNumber: open.view.trackingNumber,
      secret: open.secret,
      status: 'submitted',
      urgent: false,
      departments: [],
      filedAt: open.view.filedAt,
      category: 'unregistered',
      subject: '阳光宝贝看护班',
    })
    render(<ComplaintFollow trackingNumber={open.view.trackingNumber} />)
    expect(await screen.findByText('阳光宝贝看护班')).toBeTruthy()
    expect(requests[0]).toMatchObject({ method: 'GET', path: `/complaints/${open.view.trackingNumber}` })
    expect(requests[0].headers['x-complaint-secret']).toBe(open.secret)
  })

  it('opened from 我的投诉 uses the sign-in token', async () => {
    signedInParent()
    answer('get', '/complaints/:trackingNumber', mine)
    const requests = recordComplaintRequests()
    render(<ComplaintFollow trackingNumber={mine.trackingNumber} />)
    expect(await screen.findByText('午餐的饭菜经常是凉的，孩子回家说吃不饱。')).toBeTruthy()
    expect(requests[0].headers.authorization).toMatch(/^Bearer /)
    expect(requests[0].headers['x-complaint-secret']).toBeNull()
  })

  it('asks for the secret when the complaint is not this account’s (the BFF answers 404)', async () => {
    signedInParent()
    answer('get', '/complaints/:trackingNumber', errorResponse(404, '投诉不存在或查询码不正确 (complaint not found)'))
    render(<ComplaintFollow trackingNumber={open.view.trackingNumber} />)
    expect(await screen.findByText('查询编号或查询码不正确')).toBeTruthy()
    expect((screen.getByPlaceholderText('查询编号') as HTMLInputElement).value).toBe(open.view.trackingNumber)
  })
})

describe('the 投诉 tab', () => {
  it('explains the channel and offers 我要投诉 and 查询进度', () => {
    render(<ComplaintsPage />)
    expect(screen.getByText('托育服务投诉举报渠道')).toBeTruthy()
    expect(screen.getByText(/匿名可选/)).toBeTruthy()
    expect(screen.getByText(/机构不会知道您的身份/)).toBeTruthy()
    expect(screen.queryByText('我的投诉')).toBeNull()
    fireEvent.click(screen.getByText('我要投诉'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/complaint-new/index' })
    fireEvent.click(screen.getByText('查询进度'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/complaint-follow/index' })
  })

  it('lists my complaints when signed in, with status, date and the overdue mark', async () => {
    signedInParent()
    const filed = { ...mine, status: 'accepted' as const, overdue: true }
    answer('get', '/me/complaints', complaintListFixture([filed]))
    render(<ComplaintsPage />)

    expect(await screen.findByText('我的投诉')).toBeTruthy()
    const row = (await screen.findByText(institutionFixtures[1].name)).closest('.complaint-row') as HTMLElement
    expect(within(row).getByText('已受理')).toBeTruthy()
    expect(within(row).getByText('已超期')).toBeTruthy()
    expect(within(row).getByText(new RegExp(`${filed.trackingNumber} · \\d{4}年\\d+月\\d+日 提交`))).toBeTruthy()
    fireEvent.click(row)
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: `/pages/complaint-follow/index?tn=${filed.trackingNumber}` })
  })

  it('lists the complaints filed on this device (anonymous ones too)', () => {
    useLocalComplaints.getState().remember({
      trackingNumber: open.view.trackingNumber,
      secret: open.secret,
      status: 'submitted',
      urgent: true,
      departments: ['public_security', 'health'],
      filedAt: open.view.filedAt,
      category: 'abuse',
      subject: '阳光宝贝看护班',
    })
    render(<ComplaintsPage />)
    expect(screen.getByText('本机提交的投诉')).toBeTruthy()
    expect(screen.getByText('阳光宝贝看护班')).toBeTruthy()
    expect(screen.getByText('紧急')).toBeTruthy()
  })
})

describe('a named complaint filed on this device while signed in', () => {
  it('is listed once, under 我的投诉, with the status the BFF has now', async () => {
    signedInParent()
    const filedHere = {
      trackingNumber: mine.trackingNumber,
      secret: 'SECRET-7Q4M-DEMO',
      status: 'submitted' as const,
      urgent: false,
      departments: mine.departments,
      filedAt: mine.filedAt,
      category: 'food' as const,
      subject: institutionFixtures[1].name,
    }
    useLocalComplaints.getState().remember(filedHere)
    // Another complaint, anonymous, stays listed as this device's.
    useLocalComplaints.getState().remember({ ...filedHere, trackingNumber: open.view.trackingNumber, subject: '阳光宝贝看护班', category: 'unregistered' })
    answer('get', '/me/complaints', complaintListFixture([{ ...mine, status: 'accepted' as const }]))
    render(<ComplaintsPage />)

    const row = (await screen.findByText('已受理')).closest('.complaint-row') as HTMLElement
    expect(within(row).getByText(institutionFixtures[1].name)).toBeTruthy()
    expect(screen.getAllByText(institutionFixtures[1].name)).toHaveLength(1)
    expect(screen.getAllByText(new RegExp(mine.trackingNumber))).toHaveLength(1)
    expect(screen.getByText('本机提交的投诉')).toBeTruthy()
    expect(screen.getByText('阳光宝贝看护班')).toBeTruthy()
  })
})

describe('投诉该机构 on the institution page', () => {
  it('opens the form for that institution', async () => {
    const institution = institutionFixtures[0]
    answer('get', '/institutions/:id', institution)
    useRouter.mockImplementation(() => ({ params: { id: institution.id }, path: '' }))
    render(<InstitutionPage />)
    fireEvent.click(await screen.findByText('投诉该机构'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({
      url: `/pages/complaint-new/index?institutionId=${institution.id}&name=${encodeURIComponent(institution.name)}`,
    })
  })
})

describe('the app keeps its own copies of the contract constants', () => {
  it('match types/complaints.ts', () => {
    expect(TRACKING_NUMBER_PATTERN).toBe(CONTRACT_PATTERN)
    expect(CATEGORY_OPTIONS).toEqual([...COMPLAINT_CATEGORIES])
  })
})
