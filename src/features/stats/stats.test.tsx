import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { statsFixture } from '../../../mock/fixtures/app'
import { errorResponse } from '../../../mock/handlers'
import { server } from '../../../mock/handlers/server'
import { StatsOverview } from './components/stats-overview'
import { CIRCUMFERENCE } from './components/donut-chart'

function countStatsRequests() {
  const seen = { count: 0 }
  server.events.on('request:start', ({ request }) => {
    if (new URL(request.url).pathname === '/api/stats') seen.count += 1
  })
  return seen
}

/** The figure shown on the tile whose label is `label`. */
const tile = (label: string) => (screen.getByText(label).closest('.stats__tile') as HTMLElement).querySelector('.stats__tile-value')?.textContent
const bars = () => screen.getAllByTestId('bar')
const donutSvg = () => {
  const src = (document.querySelector('.donut__image') as HTMLImageElement).getAttribute('src') ?? ''
  expect(src.startsWith('data:image/svg+xml;base64,')).toBe(true)
  return Buffer.from(src.split(',')[1], 'base64').toString('ascii')
}

describe('数据概览', () => {
  it('shows the province first; switching to a 市州 changes every figure at once, from the one request', async () => {
    const requests = countStatsRequests()
    render(<StatsOverview />)
    await screen.findByTestId('stats-figures')
    expect(tile('备案机构')).toBe('259 家')
    expect(tile('托位总数')).toBe('15,060 个')
    expect(tile('每千人口托位数')).toBe('1.0 个')
    expect(screen.getByText('按 2020 年常住人口')).toBeTruthy()
    expect(tile('示范机构')).toBe('11 家')
    expect(screen.getByText('全省').getAttribute('aria-checked')).toBe('true')

    fireEvent.click(screen.getByText('延边朝鲜族自治州'))

    expect(tile('备案机构')).toBe('41 家')
    expect(tile('托位总数')).toBe('2,360 个')
    expect(tile('每千人口托位数')).toBe('1.2 个')
    expect(tile('示范机构')).toBe('2 家')
    expect(tile('收到')).toBe('12 件')
    expect(tile('按时办结')).toBe('11 件')
    expect(screen.getByText('延边朝鲜族自治州').getAttribute('aria-checked')).toBe('true')
    expect(screen.getByText('全省').getAttribute('aria-checked')).toBe('false')

    fireEvent.click(screen.getByText('长春市'))
    expect(tile('备案机构')).toBe('142 家')
    expect(requests.count).toBe(1)
  })

  it('draws the 普惠 share as a donut and the grades as bars, and writes their numbers as text', async () => {
    render(<StatsOverview />)
    await screen.findByTestId('stats-figures')

    expect(screen.getByText('普惠托位 7,810 个，占全部 15,060 个托位的 51.9%')).toBeTruthy()
    expect(document.querySelector('.donut__centre')?.textContent).toBe('51.9%')
    expect(screen.getByRole('figure').getAttribute('aria-label')).toBe('普惠托位占比 51.9%')
    const arc = Number(/stroke-dasharray="([\d.]+) /.exec(donutSvg())?.[1])
    expect(arc).toBeCloseTo(statsFixture.province.inclusiveShare * CIRCUMFERENCE, 1)

    expect(bars().map((bar) => bar.textContent)).toEqual([
      'A级（优秀）31 家 · 12.0%',
      'B级（良好）75 家 · 29.0%',
      'C级（合格）68 家 · 26.3%',
      'D级（需整改）15 家 · 5.8%',
      '未评级或已过期70 家 · 27.0%',
    ])
    expect(parseFloat((bars()[0].querySelector('.bars__fill') as HTMLElement).style.width)).toBeCloseTo(12.0, 1)
    expect(bars()[4].querySelector('.bars__fill--muted')).toBeTruthy()

    fireEvent.click(screen.getByText('延边朝鲜族自治州'))
    expect(screen.getByText('普惠托位 1,580 个，占全部 2,360 个托位的 67.0%')).toBeTruthy()
    expect(bars()[0].textContent).toBe('A级（优秀）4 家 · 9.8%')
    const yanbianArc = Number(/stroke-dasharray="([\d.]+) /.exec(donutSvg())?.[1])
    expect(yanbianArc).toBeGreaterThan(arc)
  })

  it('dates the data and shows complaint counts only', async () => {
    render(<StatsOverview />)
    await screen.findByTestId('stats-figures')
    expect(screen.getByText('数据截至 2026年11月28日')).toBeTruthy()
    expect(screen.getByText('人口数据：第七次全国人口普查（2020年）')).toBeTruthy()
    expect(tile('收到')).toBe('107 件')
    expect(tile('已办结')).toBe('99 件')
    expect(tile('按时办结')).toBe('89 件')
    expect(screen.getByText('统计自 2025年11月28日')).toBeTruthy()
  })

  it('says so when a region has no population data', async () => {
    const cities = statsFixture.cities.map((c) => (c.regionCode === '222400' ? { ...c, population: null, placesPer1000: null } : c))
    server.use(http.get('*/api/stats', () => HttpResponse.json({ ...statsFixture, cities })))
    render(<StatsOverview />)
    await screen.findByTestId('stats-figures')
    fireEvent.click(screen.getByText('延边朝鲜族自治州'))
    expect(tile('每千人口托位数')).toBe('暂无人口数据')
    expect(screen.queryByText('按 2020 年常住人口')).toBeNull()
  })

  it('offers a retry when the figures cannot be loaded', async () => {
    server.use(http.get('*/api/stats', () => errorResponse(500, 'boom'), { once: true }))
    render(<StatsOverview />)
    expect(await screen.findByText('数据概览加载失败')).toBeTruthy()
    fireEvent.click(screen.getByText('重试'))
    await waitFor(() => expect(tile('备案机构')).toBe('259 家'))
  })
})
