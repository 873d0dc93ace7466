import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { institutionFixtures } from '../../../mock/fixtures/app'
import { server } from '../../../mock/handlers/server'
import { answer } from '../../../test/support/answers'
import type { InstitutionDetail } from '../../../types/institutions'
import { CompareButton } from './components/compare-toggle'
import { CompareTable } from './components/compare-table'
import { CompareTray } from './components/compare-tray'
import { CompareView } from './components/compare-view'
import { useCompareStore } from './store'

const [a, b, c, d, e] = institutionFixtures

describe('compare', () => {
  it('shows the tray with 开始对比 once two are chosen, and opens the compare page', () => {
    render(
      <>
        <CompareButton institution={a} />
        <CompareTray />
      </>,
    )
    fireEvent.click(screen.getByText('加入对比'))
    expect(screen.getByText('再选 1 家即可对比')).toBeTruthy()
    expect(screen.queryByText('开始对比')).toBeNull()

    act(() => void useCompareStore.getState().add(b))
    fireEvent.click(screen.getByText('开始对比'))

    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/compare/index' })
    expect(screen.getByText('移出对比')).toBeTruthy()
  })

  it('refuses a fifth institution with a message', () => {
    for (const item of [a, b, c, d]) useCompareStore.getState().add(item)
    render(<CompareButton institution={e} />)

    fireEvent.click(screen.getByText('加入对比'))

    expect(useCompareStore.getState().candidates).toHaveLength(4)
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '最多同时对比 4 家' }))
  })

  it('highlights only the rows where the institutions differ', () => {
    const twin: InstitutionDetail = { ...a, id: 'twin', name: '对照机构', monthlyFee: { min: 999, max: 999 } }
    render(<CompareTable items={[a, twin]} onRemove={jest.fn()} />)

    const differing = [...document.querySelectorAll('.compare-table__row--diff')].map((row) => row.getAttribute('data-row'))
    expect(differing).toEqual(['monthlyFee'])
    expect(document.querySelectorAll('.compare-table__column')).toHaveLength(2)

    fireEvent.click(screen.getByRole('switch'))
    expect(document.querySelectorAll('.compare-table__row:not(.compare-table__row--head)')).toHaveLength(1)
  })

  it('warns of an active sanction under the institution’s name, and lists each sanction with measure, department and date', () => {
    const sanctioned = institutionFixtures.find((i) => i.warning?.kind === 'sanction')!
    const clean = institutionFixtures.find((i) => i.warning === null && i.sanctions.length === 0)!
    render(<CompareTable items={[clean, sanctioned]} onRemove={jest.fn()} />)

    const columns = [...document.querySelectorAll('.compare-table__column')]
    expect(columns[0].querySelector('.sanction-warning')).toBeNull()
    const warning = columns[1].querySelector('.sanction-warning')!
    expect(warning.textContent).toBe(`⚠ 行政处罚：${sanctioned.warning!.measure}${sanctioned.warning!.department} · 2026年8月12日 决定`)

    const row = document.querySelector('[data-row="sanctions"]')!
    const cells = [...row.querySelectorAll('.compare-table__cell')].map((cell) => cell.textContent)
    expect(cells).toEqual(['无', `行政处罚：${sanctioned.sanctions[0].measure} · ${sanctioned.sanctions[0].department} · 2026年8月12日 决定`])
  })

  it('states each parent committee as the detail page does: established with its date, members in the app, last notice', () => {
    const established = { ...b, committee: { establishedOn: '2022-03-15', membersInApp: 1, lastNoticeAt: '2026-11-20T02:00:00.000Z' } }
    const unregistered = { ...c, committee: { establishedOn: null, membersInApp: 0, lastNoticeAt: null } }
    render(<CompareTable items={[established, unregistered]} onRemove={jest.fn()} />)
    const cells = [...document.querySelectorAll('[data-row="committee"] .compare-table__cell')].map((cell) => cell.textContent)
    expect(cells[0]).toMatch(/^已成立（2022年3月） · 1 名成员在本应用 · 最近公告 (2026年)?11月20日$/)
    expect(cells[1]).toBe('未登记成立家长委员会')
  })

  it('says when each institution’s vacancies were updated, apart from the number of free places', () => {
    render(<CompareTable items={[a, b]} onRemove={jest.fn()} />)
    const cells = [...document.querySelectorAll('[data-row="freePlaces"] .compare-table__cell')]
    for (const cell of cells) {
      const lines = [...cell.querySelectorAll('.compare-table__line')].map((line) => line.textContent)
      expect(lines.at(-1)).toMatch(/^空位信息更新于 \d{4}年\d{1,2}月\d{1,2}日（.+前）$/)
    }
  })

  it('loads the chosen institutions with the parent position and shows one column each', async () => {
    const urls: URL[] = []
    server.events.on('request:start', ({ request }) => urls.push(new URL(request.url)))
    for (const item of [a, b, c]) useCompareStore.getState().add(item)
    const near = (item: InstitutionDetail) => ({ ...item, distanceKm: 1.5 })
    answer('get', '/institutions/compare', { items: [a, b, c].map(near) }, { items: [b, c].map(near) })

    render(<CompareView origin={{ kind: 'device', lat: 43.86, lng: 125.31 }} />)

    await waitFor(() => expect(document.querySelectorAll('.compare-table .compare-table__column')).toHaveLength(3))
    const url = urls.find((u) => u.pathname === '/api/institutions/compare')!
    expect(url.searchParams.get('ids')).toBe([a.id, b.id, c.id].join(','))
    expect(url.searchParams.get('lat')).toBe('43.86')
    expect(screen.getAllByText(/公里$/)).toHaveLength(3)

    fireEvent.click(screen.getAllByText('移除')[0])
    await waitFor(() => expect(document.querySelectorAll('.compare-table__column')).toHaveLength(2))
    expect(
      urls
        .filter((u) => u.pathname === '/api/institutions/compare')
        .at(-1)
        ?.searchParams.get('ids'),
    ).toBe([b.id, c.id].join(','))
  })
})
