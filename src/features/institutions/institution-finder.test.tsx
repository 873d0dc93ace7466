import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { fireReachBottom } from '../../../test/stubs/taro'
import { institutionFixtures, institutionPageFixture } from '../../../mock/fixtures/app'
import { errorResponse } from '../../../mock/handlers'
import { server } from '../../../mock/handlers/server'
import { answer } from '../../../test/support/answers'
import { recordQueries as recordQueriesOf } from '../../../test/support/app-session'
import type { Origin } from '../../utils/origin'
import { InstitutionFinder } from './components/institution-finder'

const near: Origin = { kind: 'device', lat: 43.8595, lng: 125.3102 }

const recordQueries = () => recordQueriesOf('/institutions')
/** The BFF's first two pages: ten institutions, then the other three. */
const firstPage = institutionPageFixture(institutionFixtures.slice(0, 10), { total: 13, hasMore: true, pageSize: 10 })
const secondPage = institutionPageFixture(institutionFixtures.slice(10), { total: 13, hasMore: false, page: 2, pageSize: 10 })

async function renderFinder(origin: Origin = near) {
  const view = render(<InstitutionFinder origin={origin} />)
  await screen.findByText(/共 \d+ 家备案机构/)
  return view
}

const cards = () => document.querySelectorAll('.institution-card')

describe('InstitutionFinder', () => {
  it('lists nearby institutions in the order the BFF gives, with distance, dated grade, fees and badges', async () => {
    const withDistances = institutionPageFixture(
      institutionFixtures.slice(0, 10).map((item, index) => ({ ...item, distanceKm: 0.4 + index })),
      { total: 13, hasMore: true },
    )
    answer('get', '/institutions', withDistances)
    await renderFinder()

    const first = cards()[0] as HTMLElement
    expect(cards()).toHaveLength(10)
    expect([...cards()].map((card) => card.querySelector('.card__name')?.textContent)).toEqual(institutionFixtures.slice(0, 10).map((item) => item.name))
    expect(within(first).getByText('0.4 公里')).toBeTruthy()
    // Every grade carries its date.
    for (const grade of document.querySelectorAll('.grade:not(.grade--none)')) expect(grade.textContent).toMatch(/\d{4}年\d{1,2}月\d{1,2}日 评定/)
    expect(screen.getAllByText(/^¥\d+–\d+\/月$/).length).toBeGreaterThan(0)
    expect(screen.getAllByText('普惠').length).toBeGreaterThan(0)
  })

  it('marks a lapsed grade and an institution that breaches legal limits', async () => {
    await renderFinder()
    await screen.findByText('没有更多了，共 13 家')

    const lapsedCard = screen.getByText('南关区桂林路社区托育点').closest('.institution-card') as HTMLElement
    expect(within(lapsedCard).getByText('已过期')).toBeTruthy()
    const breachingCard = screen.getByText('长春市朝阳区贝乐托育中心').closest('.institution-card') as HTMLElement
    expect(within(breachingCard).getByText(/存在超额或师幼比不达标/)).toBeTruthy()
  })

  it('says "over 1,000" when the BFF stopped counting, and counts exactly at the end of the list', async () => {
    const page = { items: institutionFixtures.slice(0, 2), total: 1000, totalCapped: true, page: 1, pageSize: 20, hasMore: false, sort: 'distance' }
    server.use(http.get('*/api/institutions', () => HttpResponse.json(page)))
    render(<InstitutionFinder origin={near} />)
    await screen.findByText('超过 1000 家备案机构')
    expect(screen.getByText('没有更多了，共 2 家')).toBeTruthy()
  })

  it('re-queries with serviceForm when a service-form chip is tapped, and shows the new answer', async () => {
    const queries = recordQueries()
    await renderFinder()
    const offeringHourly = institutionFixtures.filter((item) => item.serviceForms.includes('hourly'))
    answer('get', '/institutions', institutionPageFixture(offeringHourly))

    fireEvent.click(screen.getByText('计时托', { selector: '.service-form-chip' }))

    await waitFor(() => expect(queries.at(-1)?.getAll('serviceForm')).toEqual(['hourly']))
    expect(queries.at(-1)?.get('page')).toBe('1')
    await waitFor(() => expect(cards().length).toBe(offeringHourly.length))
    expect(offeringHourly.length).toBeLessThan(institutionFixtures.length)
  })

  it('shows each card’s fee for the chosen service form in its unit, the monthly fee without one', async () => {
    await renderFinder()
    expect(cards()[0].querySelector('.card__fee')!.textContent).toBe('¥720–1200/月')
    answer('get', '/institutions', institutionPageFixture(institutionFixtures.slice(0, 2), {}, 'hourly'))

    fireEvent.click(screen.getByText('计时托', { selector: '.service-form-chip' }))

    await waitFor(() => expect(cards()[0].querySelector('.card__fee')!.textContent).toBe('计时托 40 元/小时'))
    expect(cards()[1].querySelector('.card__fee')!.textContent).toBe('计时托 42 元/小时')
  })

  it('offers a budget in the unit of the chosen service form, counted as a filter and cleared with the others', async () => {
    const queries = recordQueries()
    await renderFinder()

    fireEvent.click(screen.getByText('筛选'))
    expect(screen.getByText('按月费计（全日托或半日托）')).toBeTruthy()
    expect(screen.getByText('2000 元/月以内', { selector: '.chip' })).toBeTruthy()
    fireEvent.click(screen.getByText('查看结果'))

    fireEvent.click(screen.getByText('计时托', { selector: '.service-form-chip' }))
    await waitFor(() => expect(queries.at(-1)?.getAll('serviceForm')).toEqual(['hourly']))
    fireEvent.click(screen.getByText('筛选'))
    expect(screen.getByText('按计时托收费计')).toBeTruthy()
    fireEvent.click(screen.getByText('50 元/小时以内', { selector: '.chip' }))
    fireEvent.click(screen.getByText('查看结果'))

    await waitFor(() => expect(queries.at(-1)?.get('maxFee')).toBe('50'))
    expect(queries.at(-1)?.getAll('serviceForm')).toEqual(['hourly'])
    expect(await screen.findByText('筛选 · 1')).toBeTruthy()

    fireEvent.click(screen.getByText('筛选 · 1'))
    fireEvent.click(screen.getByText('清除筛选', { selector: '.filters__clear' }))
    fireEvent.click(screen.getByText('查看结果'))
    await waitFor(() => expect(queries.at(-1)?.has('maxFee')).toBe(false))
    expect(queries.at(-1)?.getAll('serviceForm')).toEqual(['hourly'])
  })

  it('drops an hourly budget when the chosen service form is priced by the month instead', async () => {
    const queries = recordQueries()
    await renderFinder()
    fireEvent.click(screen.getByText('计时托', { selector: '.service-form-chip' }))
    fireEvent.click(screen.getByText('筛选'))
    fireEvent.click(screen.getByText('50 元/小时以内', { selector: '.chip' }))
    fireEvent.click(screen.getByText('查看结果'))
    await waitFor(() => expect(queries.at(-1)?.get('maxFee')).toBe('50'))

    fireEvent.click(screen.getByText('计时托', { selector: '.service-form-chip' }))
    await waitFor(() => expect(queries.at(-1)?.has('serviceForm')).toBe(false))
    expect(queries.at(-1)?.has('maxFee')).toBe(false)
  })

  it('applies panel filters together: vacancies only, radius, kind, birth month and nature', async () => {
    const queries = recordQueries()
    await renderFinder()

    fireEvent.click(screen.getByText('筛选'))
    fireEvent.click(screen.getByText('只看有空位', { selector: '.chip' }))
    fireEvent.click(screen.getByText('3 公里内'))
    fireEvent.click(screen.getByText('社区托育点', { selector: '.chip' }))
    fireEvent.click(screen.getByText('普惠', { selector: '.chip' }))
    fireEvent.click(screen.getByText('公办', { selector: '.chip' }))
    fireEvent.change(screen.getByLabelText('picker-date'), { target: { value: '2025-03' } })
    fireEvent.click(screen.getByText('查看结果'))

    await waitFor(() => expect(queries.at(-1)?.get('vacanciesOnly')).toBe('true'))
    const query = queries.at(-1)!
    expect(query.get('radiusKm')).toBe('3')
    expect(query.getAll('kind')).toEqual(['community'])
    expect(query.get('childBirthMonth')).toBe('2025-03')
    expect(query.get('inclusive')).toBe('true')
    expect(query.get('ownership')).toBe('public')
    expect(await screen.findByText('筛选 · 6')).toBeTruthy()
  })

  it('searches by name and sorts by fee', async () => {
    const queries = recordQueries()
    await renderFinder()

    fireEvent.change(screen.getByLabelText('搜索机构名称'), { target: { value: '托育点' } })
    fireEvent.click(screen.getByText('搜索'))
    await waitFor(() => expect(queries.at(-1)?.get('q')).toBe('托育点'))

    fireEvent.click(screen.getByText('费用最低'))
    await waitFor(() => expect(queries.at(-1)?.get('sort')).toBe('fee'))
    expect(queries.at(-1)?.get('q')).toBe('托育点')
  })

  it('appends the next page on reaching the bottom and then says the list has ended', async () => {
    const queries = recordQueries()
    answer('get', '/institutions', firstPage, secondPage)
    await renderFinder()
    expect(screen.queryByText(/没有更多了/)).toBeNull()

    await act(async () => fireReachBottom())

    await screen.findByText('没有更多了，共 13 家')
    expect(cards()).toHaveLength(13)
    expect(queries.at(-1)?.get('page')).toBe('2')
    fireReachBottom()
    expect(queries.at(-1)?.get('page')).toBe('2')
  })

  it('offers to clear a search that matched nothing, and the button says it clears the search', async () => {
    const queries = recordQueries()
    await renderFinder()
    answer('get', '/institutions', institutionPageFixture([]), institutionPageFixture(institutionFixtures.slice(0, 10)))
    fireEvent.change(screen.getByLabelText('搜索机构名称'), { target: { value: '不存在的机构' } })
    fireEvent.click(screen.getByText('搜索'))

    await screen.findByText('没有符合条件的机构')
    expect(screen.getByText('试试扩大距离范围或清除筛选条件')).toBeTruthy()
    fireEvent.click(screen.getByText('清除搜索“不存在的机构”'))

    await waitFor(() => expect(cards()).toHaveLength(10))
    expect(queries.at(-1)?.has('q')).toBe(false)
  })

  it('widening a searched name with filters clears the filters only: the name stays searched and in the box', async () => {
    const queries = recordQueries()
    await renderFinder()
    answer('get', '/institutions', institutionPageFixture([]), institutionPageFixture([]), institutionPageFixture(institutionFixtures.slice(0, 2)))
    fireEvent.click(screen.getByText('计时托'))
    fireEvent.change(screen.getByLabelText('搜索机构名称'), { target: { value: '贝乐' } })
    fireEvent.click(screen.getByText('搜索'))

    await screen.findByText('没有符合条件的机构')
    await waitFor(() => expect(queries.at(-1)?.get('q')).toBe('贝乐'))
    expect(queries.at(-1)?.get('serviceForm')).toBe('hourly')
    fireEvent.click(screen.getByText('清除筛选条件，保留搜索“贝乐”'))

    await waitFor(() => expect(cards()).toHaveLength(2))
    expect(queries.at(-1)?.get('q')).toBe('贝乐')
    expect(queries.at(-1)?.has('serviceForm')).toBe(false)
    expect((screen.getByLabelText('搜索机构名称') as HTMLInputElement).value).toBe('贝乐')
  })

  it('shows an error with a retry that loads the list again', async () => {
    answer('get', '/institutions', errorResponse(500, 'boom'), firstPage)
    render(<InstitutionFinder origin={near} />)

    expect(await screen.findByText('机构列表加载失败')).toBeTruthy()
    expect(screen.getByText('服务暂时不可用，请稍后再试')).toBeTruthy()
    fireEvent.click(screen.getByText('重试'))

    await waitFor(() => expect(cards()).toHaveLength(10))
  })

  it('says the network is down when the request cannot be made', async () => {
    server.use(http.get('*/api/institutions', () => HttpResponse.error(), { once: true }))
    render(<InstitutionFinder origin={near} />)
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeTruthy()
  })

  it('in a picked region sends the region code, sorts by grade and hides distance sorting', async () => {
    const queries = recordQueries()
    // Without the parent's position the BFF works out no distance.
    answer(
      'get',
      '/institutions',
      institutionPageFixture(
        institutionFixtures.filter((item) => item.districtCode === '220102'),
        { sort: 'grade' },
      ),
    )
    await renderFinder({ kind: 'region', code: '220102', name: '长春 · 南关区', lat: 43.86, lng: 125.35 })

    const query = queries.at(-1)!
    expect(query.get('region')).toBe('220102')
    expect(query.get('sort')).toBe('grade')
    expect(query.has('lat')).toBe(false)
    expect(screen.queryByText('距离最近')).toBeNull()
    expect(document.querySelector('.card__distance')).toBeNull()
  })
})
