import { fireEvent, render, screen, within } from '@testing-library/react'
import Taro, { useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { institutionFixtures } from '../../../mock/fixtures/app'
import { errorResponse } from '../../../mock/handlers'
import { answer } from '../../../test/support/answers'
import { recordRequests } from '../../../test/support/app-session'
import { InstitutionDetailView } from './components/institution-detail'

const breaching = institutionFixtures.find((i) => i.breachesLimits && i.sanctions.length > 0)!
const demo = institutionFixtures.find((i) => i.isDemo)!
const near = { kind: 'device', lat: 43.8595, lng: 125.3102 } as const
/** The BFF's answer for the institution page (with the distance it works out from the parent's position). */
const answering = (detail: (typeof institutionFixtures)[number]) => answer('get', '/institutions/:id', detail)

describe('InstitutionDetailView', () => {
  const env = process.env.TARO_ENV
  afterEach(() => {
    process.env.TARO_ENV = env
  })

  it('shows filing facts, fees per form, the dated grade with its seven dimensions, money terms and sanctions', async () => {
    const requests = recordRequests()
    answering({ ...breaching, distanceKm: 1.2 })
    render(<InstitutionDetailView id={breaching.id} origin={near} />)

    expect(await screen.findByText(breaching.name)).toBeTruthy()
    expect(screen.getByText(breaching.creditCode)).toBeTruthy()
    expect(screen.getByText(breaching.filingAuthority)).toBeTruthy()
    expect(screen.getByText('市场监管部门')).toBeTruthy()
    expect(screen.getByText('1.2 公里')).toBeTruthy()
    // Asked for this institution, from the parent's position.
    expect(requests.map((r) => [r.path, r.query.get('lat'), r.query.get('lng')])).toEqual([[`/institutions/${breaching.id}`, '43.8595', '125.3102']])
    expect(screen.getByText(`${breaching.evaluations[0].label}`, { selector: '.detail__grade-level' })).toBeTruthy()
    expect(screen.getAllByText(/\d{4}年\d{1,2}月\d{1,2}日 评定/).length).toBeGreaterThan(0)
    expect(document.querySelectorAll('.detail__dim')).toHaveLength(7)
    expect(screen.getByText(breaching.refundPolicy)).toBeTruthy()
    expect(screen.getByText(breaching.prepaymentTerms)).toBeTruthy()
    expect(screen.getByText(breaching.sanctions[0].measure)).toBeTruthy()
    expect(screen.getAllByText(/前更新 · \d{4}年/).length).toBeGreaterThan(0)
  })

  it('warns of an active sanction at the top of the page, under the name, with measure, department and date', async () => {
    const sanctioned = institutionFixtures.find((i) => i.warning !== null)!
    answering(sanctioned)
    render(<InstitutionDetailView id={sanctioned.id} origin={near} />)
    await screen.findByText(sanctioned.name)

    const warning = document.querySelector('.detail__header .sanction-warning')!
    expect(warning.getAttribute('role')).toBe('alert')
    expect(warning.textContent).toContain(`：${sanctioned.warning!.measure}`)
    expect(warning.textContent).toContain(`${sanctioned.warning!.department} · `)
    expect(warning.textContent).toMatch(/\d{4}年\d{1,2}月\d{1,2}日 决定$/)
    // Right under the name, before the tags, the grade and every section.
    expect(warning.previousElementSibling?.className).toContain('detail__name')
    expect(warning.compareDocumentPosition(document.querySelector('.section')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
  })

  it('shows no warning for an institution without an active sanction', async () => {
    const clean = institutionFixtures.find((i) => i.warning === null)!
    answering(clean)
    render(<InstitutionDetailView id={clean.id} origin={near} />)
    await screen.findByText(clean.name)
    expect(document.querySelector('.sanction-warning')).toBeNull()
  })

  it('says when the vacancies were updated, apart from the number of free places', async () => {
    answering(breaching)
    render(<InstitutionDetailView id={breaching.id} origin={near} />)
    await screen.findByText(breaching.name)
    expect(screen.getByText(/^空位信息更新于 \d{4}年\d{1,2}月\d{1,2}日（.+前）$/, { selector: '.detail__header .updated' })).toBeTruthy()
  })

  it('highlights a class that breaches the legal size or ratio', async () => {
    answering(breaching)
    render(<InstitutionDetailView id={breaching.id} origin={near} />)
    await screen.findByText(breaching.name)

    const flagged = document.querySelectorAll('.detail__class--breach')
    expect(flagged).toHaveLength(breaching.classDetails.filter((c) => c.breaches.length).length)
    expect(within(flagged[0] as HTMLElement).getByText('师幼比不达标')).toBeTruthy()
    expect(within(flagged[0] as HTMLElement).getByText('超出班额')).toBeTruthy()
  })

  it('in the mini-program, 导航 opens WeChat’s map at the stored (GCJ-02) coordinates and the shown number is dialled', async () => {
    answering(breaching)
    render(<InstitutionDetailView id={breaching.id} origin={near} />)
    await screen.findByText(breaching.name)

    fireEvent.click(screen.getByText('导航'))
    fireEvent.click(screen.getByText(`电话 ${breaching.phone}`))

    expect(Taro.openLocation).toHaveBeenCalledWith(expect.objectContaining({ latitude: breaching.lat, longitude: breaching.lng, name: breaching.name }))
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: breaching.phone })
  })

  it('in H5, 导航 is a link to 高德’s web map at the institution and the number is a tel: link', async () => {
    process.env.TARO_ENV = 'h5'
    answering(breaching)
    render(<InstitutionDetailView id={breaching.id} origin={near} />)
    await screen.findByText(breaching.name)

    const map = screen.getByText('导航').closest('a')
    expect(map?.getAttribute('href')).toBe(
      `https://uri.amap.com/marker?position=${breaching.lng},${breaching.lat}&name=${encodeURIComponent(breaching.name)}&src=jilin-tuoyu&coordinate=gaode&callnative=1`,
    )
    expect(map?.getAttribute('target')).toBe('_blank')
    expect(screen.getByText(`电话 ${breaching.phone}`).closest('a')?.getAttribute('href')).toBe(`tel:${breaching.phone}`)
    expect(Taro.openLocation).not.toHaveBeenCalled()
  })

  it('shares to a chat and to 朋友圈 with its name, opening this institution for the receiver', async () => {
    answering(breaching)
    render(<InstitutionDetailView id={breaching.id} origin={near} />)
    await screen.findByText(breaching.name)

    const card = (useShareAppMessage as jest.Mock).mock.calls.at(-1)[0] as () => unknown
    const timeline = (useShareTimeline as jest.Mock).mock.calls.at(-1)[0] as () => unknown
    expect(card()).toEqual({ title: breaching.name, path: `/pages/institution/index?id=${breaching.id}` })
    expect(timeline()).toEqual({ title: breaching.name, query: `id=${breaching.id}` })
  })

  it('marks demo data clearly', async () => {
    answering(demo)
    render(<InstitutionDetailView id={demo.id} origin={null} />)
    expect(await screen.findByText('本机构为演示数据，并非真实机构')).toBeTruthy()
  })

  it('offers a retry when the institution cannot be loaded', async () => {
    answer('get', '/institutions/:id', errorResponse(404, 'institution not found'), demo)
    render(<InstitutionDetailView id={demo.id} origin={null} />)

    expect(await screen.findByText('没有找到该机构，可能已注销备案')).toBeTruthy()
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText(demo.name)).toBeTruthy()
  })

  it('shows the parent committee facts and links to the committee page', async () => {
    const first = institutionFixtures[0]
    answering(first)
    const onOpenCommittee = jest.fn()
    const view = render(<InstitutionDetailView id={first.id} origin={null} onOpenCommittee={onOpenCommittee} />)
    // Established in the registry, though no member uses the app yet: never 未成立.
    expect(await screen.findByText(/^已成立（2024年1月） · 本应用内暂无成员 · 最近公告 (2026年)?11月26日$/)).toBeTruthy()
    expect(screen.queryByText(/未成立/)).toBeNull()
    fireEvent.click(screen.getByText('查看家长委员会 ›'))
    expect(onOpenCommittee).toHaveBeenCalledWith(expect.objectContaining({ id: first.id }))
    view.unmount()

    const inApp = { ...first, committee: { establishedOn: '2022-03-15', membersInApp: 4, lastNoticeAt: null } }
    answering(inApp)
    const again = render(<InstitutionDetailView id={first.id} origin={null} />)
    expect(await screen.findByText('已成立（2022年3月） · 4 名成员在本应用 · 暂无公告')).toBeTruthy()
    expect(screen.queryByText('查看家长委员会 ›')).toBeNull()
    again.unmount()

    answering({ ...first, committee: { establishedOn: null, membersInApp: 0, lastNoticeAt: null } })
    render(<InstitutionDetailView id={first.id} origin={null} />)
    expect(await screen.findByText('未登记成立家长委员会')).toBeTruthy()
  })
})
