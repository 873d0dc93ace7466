import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro, { useRouter } from '@tarojs/taro'
import { http } from 'msw'
import { errorResponse } from '../../../mock/handlers'
import { childOf } from '../../../mock/fixtures/app/account'
import { guidanceFixture } from '../../../mock/fixtures/app/guidance'
import { server } from '../../../mock/handlers/server'
import { answer } from '../../../test/support/answers'
import { recordRequests, signedInParent } from '../../../test/support/app-session'
import GuidanceDetailPage from '../../pages/guidance/detail'
import GuidancePage from '../../pages/guidance'
import GuidanceNewPage from '../../pages/guidance/new'
import { chinaTime } from '../../utils/time'
import { SERVICE_OPTIONS } from './constants'
import { GUIDANCE_SERVICES } from '../../../types/guidance'

const routerParams = (params: Record<string, string>) => (useRouter as jest.Mock).mockImplementation(() => ({ params, path: '' }))
const day = (offset: number) => chinaTime().add(offset, 'day').format('YYYY-MM-DD')

/** A signed-in parent with one child, 小明, and no request yet. */
function parentWithChild() {
  signedInParent()
  const child = childOf({ nickname: '小明', birthMonth: '2025-09' })
  answer('get', '/me/children', { items: [child] })
  answer('get', '/guidance-requests', { items: [] })
  return { child }
}

/** The request page, as the BFF answers it (then, after a cancel, `after`). */
function opening(request: ReturnType<typeof guidanceFixture>, ...after: Array<ReturnType<typeof guidanceFixture>>) {
  answer('get', '/guidance-requests/:id', request, ...after)
  routerParams({ id: request.id })
}

/** Fills every field the way a parent would: 生长发育监测 for 小明, two windows, 长春市 朝阳区, address, phone. */
async function fillForm() {
  render(<GuidanceNewPage />)
  fireEvent.click(await screen.findByText('生长发育监测'))
  await screen.findByText(/^小明（/)
  fireEvent.change(screen.getByLabelText('picker-date'), { target: { value: day(2) } })
  const periods = screen.getByRole('group', { name: '时段' })
  fireEvent.click(within(periods).getByText('上午'))
  fireEvent.click(within(periods).getByText('晚上'))
  await waitFor(() => expect(screen.getAllByLabelText('picker-selector')).toHaveLength(2))
  fireEvent.change(screen.getAllByLabelText('picker-selector')[0], { target: { value: '0' } }) // 长春市
  fireEvent.change(screen.getAllByLabelText('picker-selector')[1], { target: { value: '1' } }) // 朝阳区
  fireEvent.change(screen.getByPlaceholderText('小区、楼栋、单元、门牌号'), { target: { value: '红旗街道示例小区3栋501' } })
  fireEvent.change(screen.getByPlaceholderText('11位手机号'), { target: { value: '13912345678' } })
  fireEvent.change(screen.getByPlaceholderText('想咨询的问题、孩子的情况等'), { target: { value: '想看看身高是否正常' } })
}

const errorOf = (field: string) => document.querySelector(`[data-field="${field}"]`)?.textContent

describe('入户指导: asking for a home visit', () => {
  it('submits the service, child, time windows, district, address and phone, then opens the new request', async () => {
    const { child } = parentWithChild()
    const created = guidanceFixture('requested', { id: '9d1e0000-0000-4000-8000-0000000000c1' })
    answer('post', '/guidance-requests', created)
    const requests = recordRequests()
    await fillForm()
    expect(
      within(screen.getByTestId('time-windows'))
        .getAllByText(/上午|晚上/)
        .map((node) => node.textContent),
    ).toEqual([expect.stringMatching(/上午$/), expect.stringMatching(/晚上$/)])
    fireEvent.click(screen.getByText('提交申请'))

    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled())
    const sent = requests.find((r) => r.method === 'POST' && r.path === '/guidance-requests')?.body
    expect(sent).toEqual({
      service: 'growth_monitoring',
      childId: child.id,
      timeWindows: [
        { date: day(2), period: 'morning' },
        { date: day(2), period: 'evening' },
      ],
      districtCode: '220104',
      address: '红旗街道示例小区3栋501',
      contactPhone: '13912345678',
      note: '想看看身高是否正常',
    })
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: `/pages/guidance/detail?id=${created.id}` })
  })

  it('shows the BFF’s error under the field it names', async () => {
    parentWithChild()
    server.use(
      http.post(
        '*/api/guidance-requests',
        () => errorResponse(400, '时间段 2026-12-01 上午 重复了', 'timeWindows', { code: 'invalid_value', detail: 'timeWindows: window given twice' }),
        { once: true },
      ),
      http.post(
        '*/api/guidance-requests',
        () =>
          errorResponse(400, '参数 contactPhone 格式不正确', 'contactPhone', {
            code: 'validation',
            detail: 'body/contactPhone must match pattern "^1[3-9][0-9]{9}$"',
          }),
        { once: true },
      ),
    )
    await fillForm()

    fireEvent.click(screen.getByText('提交申请'))
    await waitFor(() => expect(errorOf('timeWindows')).toBe('时间段 2026-12-01 上午 重复了'))
    expect(errorOf('address')).toBeUndefined()

    // A schema refusal (code validation) is not written for people: the form's own sentence for that field.
    fireEvent.click(screen.getByText('提交申请'))
    await waitFor(() => expect(errorOf('contactPhone')).toBe('请输入11位手机号'))
    expect(errorOf('timeWindows')).toBeUndefined()
    expect(Taro.redirectTo).not.toHaveBeenCalled()
  })

  it('checks what is missing before sending anything', async () => {
    parentWithChild()
    const requests = recordRequests()
    render(<GuidanceNewPage />)
    await screen.findByText(/^小明（/)
    fireEvent.click(screen.getByText('提交申请'))
    expect(errorOf('service')).toBe('请选择服务项目')
    expect(errorOf('timeWindows')).toMatch(/请至少选择一个/)
    expect(errorOf('districtCode')).toBe('请选择所在区县')
    expect(errorOf('address')).toBe('请填写详细地址（至少4个字）')
    expect(errorOf('childId')).toBeUndefined() // the only child is chosen already
    expect(requests.some((r) => r.path === '/guidance-requests' && r.method === 'POST')).toBe(false)
  })

  it('prefills the phone the parent gave last time', async () => {
    parentWithChild()
    answer('get', '/guidance-requests', { items: [guidanceFixture('done', { contactPhone: '13700001111' })] })
    render(<GuidanceNewPage />)
    await waitFor(() => expect((screen.getByPlaceholderText('11位手机号') as HTMLInputElement).value).toBe('13700001111'))
  })

  it('explains that a child is needed first, and links to adding one', async () => {
    signedInParent()
    render(<GuidanceNewPage />)
    expect(await screen.findByText('请先添加孩子')).toBeTruthy()
    fireEvent.click(screen.getByText('添加孩子'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/child/index' })
  })
})

describe('入户指导: following a request', () => {
  it('lists my requests with their status, newest first', async () => {
    parentWithChild()
    answer('get', '/guidance-requests', {
      items: [
        guidanceFixture('scheduled', { service: 'health_check' }),
        guidanceFixture('declined', { id: '9d1e0000-0000-4000-8000-000000000002', service: 'home_visit', createdAt: '2026-11-01T02:00:00.000Z' }),
      ],
    })
    render(<GuidancePage />)

    await screen.findByText('健康检查')
    const rows = screen.getAllByTestId('guidance-row').map((row) => row.textContent ?? '')
    expect(rows[0]).toMatch(/健康检查已预约.*上门时间：/)
    expect(rows[1]).toMatch(/家庭访视已拒绝.*未能安排：该地址不在本中心服务范围/)
    fireEvent.click(screen.getByText('申请入户指导'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/guidance/new' })
  })

  it('shows the timeline: requested → scheduled with date, staff and centre phone → done still ahead; and cancels', async () => {
    parentWithChild()
    const requests = recordRequests()
    const request = guidanceFixture('scheduled')
    const cancelled = guidanceFixture('cancelled', { history: [...request.history, { status: 'cancelled', at: '2026-11-29T02:00:00.000Z', note: null }] })
    answer('post', '/guidance-requests/:id/cancel', cancelled)
    opening(request, cancelled)
    render(<GuidanceDetailPage />)

    const timeline = await screen.findByRole('list', { name: '办理进度' })
    const steps = within(timeline).getAllByRole('listitem')
    expect(steps.map((step) => step.querySelector('.timeline__name')?.textContent)).toEqual(['已申请', '已预约', '已完成'])
    expect(steps[2].className).toContain('timeline__step--ahead')
    expect(within(steps[1]).getByText(/^上门时间：/)).toBeTruthy()
    expect(within(steps[1]).getByText('上门人员：王丽 主任医师')).toBeTruthy()
    expect(within(steps[1]).getByText('联系中心 0431-80000001')).toBeTruthy()

    fireEvent.click(screen.getByText('取消申请'))
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '已经预约了上门时间，确定取消？中心将不再上门。' }))
    await waitFor(() =>
      expect(
        within(screen.getByRole('list', { name: '办理进度' }))
          .getAllByRole('listitem')
          .map((s) => s.querySelector('.timeline__name')?.textContent),
      ).toEqual(['已申请', '已预约', '已取消']),
    )
    expect(screen.queryByText('取消申请')).toBeNull()
    expect(requests.filter((r) => r.method === 'POST' && r.path.startsWith('/guidance')).map((r) => r.path)).toEqual([
      `/guidance-requests/${request.id}/cancel`,
    ])
  })

  it('shows the reason of a declined request and offers no cancel', async () => {
    parentWithChild()
    opening(guidanceFixture('declined'))
    render(<GuidanceDetailPage />)
    expect(await screen.findByText('未能安排：该地址不在本中心服务范围，请联系所在街道中心')).toBeTruthy()
    expect(screen.queryByText('取消申请')).toBeNull()
  })

  it('shows not-found for another parent’s request (the BFF answers 404)', async () => {
    parentWithChild()
    answer('get', '/guidance-requests/:id', errorResponse(404, '没有找到这条申请'))
    routerParams({ id: '9d1e0000-0000-4000-8000-0000000000ff' })
    render(<GuidanceDetailPage />)
    expect(await screen.findByText('没有找到这条申请')).toBeTruthy()
  })
})

describe('contract', () => {
  it('offers exactly the contract services', () => {
    expect([...SERVICE_OPTIONS].sort()).toEqual([...GUIDANCE_SERVICES].sort())
  })
})
