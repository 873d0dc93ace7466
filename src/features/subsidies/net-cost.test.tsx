import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { netCostFixtures } from '../../../mock/fixtures/app/costs'
import { errorResponse } from '../../../mock/handlers'
import { answer, answerWith } from '../../../test/support/answers'
import { recordRequests } from '../../../test/support/app-session'
import { storage } from '../../../test/stubs/taro'
import type { NetCost } from '../../../types/subsidies'
import { BirthMonthForm, useDeviceBirthMonth } from './components/birth-month-form'
import { NetCostPanel } from './components/net-cost-panel'
import { useSubsidyStore } from './store'

const id = netCostFixtures.fullDay.institutionId
/** The key the subsidies page keeps its birth month under: one birth month on the device for both. */
const STORAGE_KEY = 'jilin-tuoyu/subsidy-birth-month'
const ALL_FORMS = ['full_day', 'half_day', 'hourly'] as const

const answering = (cost: NetCost) => answer('get', '/institutions/:id/net-cost', cost)
const netCostRequests = (requests: ReturnType<typeof recordRequests>) =>
  requests.filter((r) => r.path.endsWith('/net-cost')).map((r) => `${r.path}?${r.query.toString()}`)
const summary = () => screen.findByTestId('net-cost-summary')
const lines = () =>
  within(screen.getByTestId('net-cost-lines'))
    .getAllByRole('listitem')
    .map((line) => line.textContent)
const monthGroups = () =>
  within(screen.getByTestId('net-cost-months'))
    .getAllByRole('listitem')
    .map((group) => group.textContent)

describe('what care at an institution really costs a month', () => {
  it('asks for the child’s birth month and the form, then shows this month’s fee + 伙食费 − 补贴 = what is left, large', async () => {
    const requests = recordRequests()
    render(<NetCostPanel institutionId={id} birthMonth='2025-10' forms={[...ALL_FORMS]} />)
    const shown = await summary()
    expect(netCostRequests(requests)).toEqual([`/institutions/${id}/net-cost?birthMonth=2025-10&form=full_day`])
    expect(screen.getByText('每月实际要付多少')).toBeTruthy()
    expect(screen.getByText('按出生年月 2025年10月 计算')).toBeTruthy()
    expect(within(shown).getByText('本月（2026年12月）预计每月自付')).toBeTruthy()
    expect(screen.getByTestId('net-cost-figure').textContent).toBe('1,880元')
    expect(lines()).toEqual(['保育费（托小班）+1,850元', '伙食费（估算）+330元', '育儿补贴−300元', '预计自付1,880元'])
  })

  it('the months until the child turns 3 are collapsed; opened, equal months read as one line', async () => {
    render(<NetCostPanel institutionId={id} birthMonth='2025-10' />)
    await summary()
    const toggle = screen.getByRole('button', { name: '展开逐月明细（22个月）' })
    expect(toggle.getAttribute('aria-expanded')).toBe('false')
    expect(screen.queryByTestId('net-cost-months')).toBeNull()

    fireEvent.click(toggle)
    expect(screen.getByRole('button', { name: '收起逐月明细' }).getAttribute('aria-expanded')).toBe('true')
    expect(monthGroups()).toEqual([
      '2026年12月–2027年9月托小班 每月 1,880元保育费 1,850 + 伙食费 330 − 补贴 300',
      '2027年10月–2028年9月托大一班 每月 1,780元保育费 1,750 + 伙食费 330 − 补贴 300',
    ])
    fireEvent.click(screen.getByRole('button', { name: '收起逐月明细' }))
    expect(screen.queryByTestId('net-cost-months')).toBeNull()
  })

  it('every assumption behind the figures is shown, without a tap', async () => {
    render(<NetCostPanel institutionId={id} birthMonth='2025-10' />)
    await summary()
    const shown = screen.getByTestId('net-cost-assumptions')
    expect(within(shown).getByText('估算依据')).toBeTruthy()
    expect(
      within(shown)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(netCostFixtures.fullDay.assumptions)
    expect(within(shown).getByText('以上为估算，实际以机构收费和补贴发放部门核定为准。')).toBeTruthy()
  })

  it('全日托 and 半日托 switch: the other form is asked for and shown', async () => {
    const requests = recordRequests()
    answerWith('get', '/institutions/:id/net-cost', ({ query }) => (query.get('form') === 'half_day' ? netCostFixtures.halfDay : netCostFixtures.fullDay))
    render(<NetCostPanel institutionId={id} birthMonth='2025-10' forms={[...ALL_FORMS]} />)
    await summary()
    const forms = screen.getByRole('radiogroup', { name: '托育形式' })
    // Only the monthly forms: 计时托 has no monthly fee to work out.
    expect(
      within(forms)
        .getAllByRole('radio')
        .map((r) => `${r.textContent}:${r.getAttribute('aria-checked')}`),
    ).toEqual(['全日托:true', '半日托:false'])

    fireEvent.click(within(forms).getByRole('radio', { name: '半日托' }))
    await waitFor(() => expect(screen.getByTestId('net-cost-figure').textContent).toBe('1,130元'))
    expect(within(forms).getByRole('radio', { name: '半日托' }).getAttribute('aria-checked')).toBe('true')
    expect(lines()).toEqual(['保育费（托小班）+1,100元', '伙食费（估算）+330元', '育儿补贴−300元', '预计自付1,130元'])
    expect(netCostRequests(requests)).toEqual([
      `/institutions/${id}/net-cost?birthMonth=2025-10&form=full_day`,
      `/institutions/${id}/net-cost?birthMonth=2025-10&form=half_day`,
    ])
  })

  it('an institution with one monthly form: no switch, the form named', async () => {
    render(<NetCostPanel institutionId={id} birthMonth='2025-10' forms={['full_day', 'hourly']} />)
    await summary()
    expect(screen.queryByRole('radiogroup')).toBeNull()
    expect(screen.getByText('按出生年月 2025年10月 计算 · 全日托')).toBeTruthy()
  })

  it('a child too young for any class yet: the first month a class takes it, and the months before without a figure', async () => {
    answering(netCostFixtures.tooYoung)
    render(<NetCostPanel institutionId={id} birthMonth='2026-09' />)
    const shown = await summary()
    expect(within(shown).getByText('2027年3月起可入托（乳儿班），预计每月自付')).toBeTruthy()
    expect(screen.getByTestId('net-cost-figure').textContent).toBe('2,180元')
    fireEvent.click(screen.getByRole('button', { name: '展开逐月明细（33个月）' }))
    expect(monthGroups()).toEqual([
      '2026年12月–2027年2月暂无适合月龄的班级',
      '2027年3月–2027年8月乳儿班 每月 2,180元保育费 2,150 + 伙食费 330 − 补贴 300',
      '2027年9月–2028年8月托小班 每月 1,880元保育费 1,850 + 伙食费 330 − 补贴 300',
      '2028年9月–2029年8月托大一班 每月 1,780元保育费 1,750 + 伙食费 330 − 补贴 300',
    ])
  })

  it('no class of that form for the child’s ages: says so, with the assumptions still shown', async () => {
    const none = netCostFixtures.fullDay.months.map((m) => ({ ...m, classType: null, className: null, feeYuan: null, mealsYuan: 0, netYuan: null }))
    answering({ ...netCostFixtures.fullDay, months: none, firstMonth: null })
    render(<NetCostPanel institutionId={id} birthMonth='2025-10' />)
    expect(await screen.findByText('该机构没有适合孩子年龄的全日托班级')).toBeTruthy()
    expect(screen.queryByTestId('net-cost-summary')).toBeNull()
    expect(screen.queryByRole('button', { name: /逐月明细/ })).toBeNull()
    expect(screen.getByTestId('net-cost-assumptions')).toBeTruthy()
  })

  it('a child already 3: nothing to work out', async () => {
    answering({ ...netCostFixtures.fullDay, birthMonth: '2022-10', months: [], firstMonth: null })
    render(<NetCostPanel institutionId={id} birthMonth='2022-10' />)
    expect(await screen.findByText('孩子已满3周岁，不在托育服务范围内')).toBeTruthy()
  })

  it('without a birth month: nothing shown, nothing asked', () => {
    const requests = recordRequests()
    const { container } = render(<NetCostPanel institutionId={id} birthMonth={null} />)
    expect(container.textContent).toBe('')
    expect(requests).toHaveLength(0)
  })

  it('when the BFF cannot answer: an error with 重试, which asks again', async () => {
    answer('get', '/institutions/:id/net-cost', errorResponse(503, '服务暂不可用'), netCostFixtures.fullDay)
    render(<NetCostPanel institutionId={id} birthMonth='2025-10' />)
    expect(await screen.findByText('费用估算加载失败')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '重试' }))
    expect(await summary()).toBeTruthy()
  })
})

/** What a page composes for a parent without a saved child: the birth month on the device, and the panel for it. */
function DevicePanel() {
  const birthMonth = useDeviceBirthMonth()
  return (
    <>
      <BirthMonthForm submitLabel='计算费用' ask='填写孩子的出生年月，估算在这里每月实际要付多少。' />
      <NetCostPanel institutionId={id} birthMonth={birthMonth} />
    </>
  )
}

describe('the birth month kept on the device', () => {
  it('asks for it, keeps it on the device under the subsidies page’s key, and works out the cost for it', async () => {
    const requests = recordRequests()
    render(<DevicePanel />)
    expect(screen.getByText('填写孩子的出生年月，估算在这里每月实际要付多少。')).toBeTruthy()
    expect(screen.queryByTestId('net-cost-panel')).toBeNull()

    fireEvent.change(screen.getByPlaceholderText('出生年月（如 2025-09）'), { target: { value: '2025年9月' } })
    fireEvent.click(screen.getByText('计算费用'))
    await summary()
    expect(netCostRequests(requests)).toEqual([`/institutions/${id}/net-cost?birthMonth=2025-09&form=full_day`])
    expect(String(storage.get(STORAGE_KEY))).toContain('"birthMonth":"2025-09"')
    expect(screen.getByText('出生年月只保存在这部手机上，仅用于估算，不会保存到服务器。')).toBeTruthy()
  })

  it('uses the one entered on an earlier visit (or on the subsidies page), and forgets it on request', async () => {
    storage.set(STORAGE_KEY, JSON.stringify({ state: { birthMonth: '2025-10' }, version: 1 }))
    await useSubsidyStore.persist.rehydrate()
    render(<DevicePanel />)
    await summary()
    expect((screen.getByPlaceholderText('出生年月（如 2025-09）') as HTMLInputElement).value).toBe('2025-10')

    fireEvent.click(screen.getByRole('button', { name: '清除出生年月' }))
    expect(screen.queryByTestId('net-cost-panel')).toBeNull()
    expect(String(storage.get(STORAGE_KEY))).toContain('"birthMonth":null')
  })

  it('refuses what is not a month, or too far ahead, keeping nothing', () => {
    render(<DevicePanel />)
    fireEvent.change(screen.getByPlaceholderText('出生年月（如 2025-09）'), { target: { value: '去年' } })
    fireEvent.click(screen.getByText('计算费用'))
    expect(screen.getByRole('alert').textContent).toBe('请按“2025-09”的格式填写出生年月')
    fireEvent.change(screen.getByPlaceholderText('出生年月（如 2025-09）'), { target: { value: '2099-01' } })
    fireEvent.click(screen.getByText('计算费用'))
    expect(screen.getByRole('alert').textContent).toMatch(/^最晚可以填写 \d{4}年\d{1,2}月（预产月份）$/)
    expect(storage.has(STORAGE_KEY) ? String(storage.get(STORAGE_KEY)) : '').not.toContain('2099')
    expect(screen.queryByTestId('net-cost-panel')).toBeNull()
  })

  it('the month picker keeps what it picks', async () => {
    render(<DevicePanel />)
    fireEvent.change(screen.getByLabelText('picker-date'), { target: { value: '2025-10' } })
    await summary()
    expect(useSubsidyStore.getState().birthMonth).toBe('2025-10')
  })
})
