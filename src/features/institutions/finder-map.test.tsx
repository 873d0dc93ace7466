import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { institutionFixtures, institutionPageFixture } from '../../../mock/fixtures/app'
import { answer } from '../../../test/support/answers'
import { recordQueries as recordQueriesOf } from '../../../test/support/app-session'
import type { MapArea } from '../../utils/map-area'
import type { Origin } from '../../utils/origin'
import { InstitutionFinder, type FinderMap } from './components/institution-finder'

const near: Origin = { kind: 'device', lat: 43.8595, lng: 125.3102 }
const region: Origin = { kind: 'region', code: '220104', name: '长春 · 朝阳区', lat: 43.83, lng: 125.29 }
const panned: MapArea = { west: 125.3, south: 43.85, east: 125.34, north: 43.88 }

const recordQueries = () => recordQueriesOf('/institutions')
const firstPage = institutionPageFixture(institutionFixtures.slice(0, 10), { total: 13, hasMore: true, pageSize: 10 })
const secondPage = institutionPageFixture(institutionFixtures.slice(10), { total: 13, hasMore: false, page: 2, pageSize: 10 })

/** Stands in for the platform map (the page passes the real one): its markers in order, a marker's card, 搜索此区域. */
function MapDouble({ items, area, onSearchArea, renderCard, footer }: FinderMap) {
  return (
    <section aria-label='map'>
      <ol>
        {items.map((item, index) => (
          <li key={item.id} className='marker'>
            {index + 1} {item.name}
          </li>
        ))}
      </ol>
      {area ? <p>area {JSON.stringify(area)}</p> : null}
      <button onClick={() => onSearchArea(panned)}>搜索此区域</button>
      <div className='tapped'>{items[1] ? renderCard(items[1]) : null}</div>
      {footer}
    </section>
  )
}

async function renderFinder(origin: Origin = near) {
  render(<InstitutionFinder origin={origin} renderMap={(map) => <MapDouble {...map} />} renderActions={() => <span>收藏</span>} />)
  await screen.findByText(/共 \d+ 家备案机构/)
}

const cardNames = () => [...document.querySelectorAll('.institution-card .card__name')].map((name) => name.textContent)
const markerNames = () => [...document.querySelectorAll('.marker')].map((marker) => marker.textContent!.replace(/^\d+ /, ''))

describe('InstitutionFinder with a map', () => {
  it('switches between 列表 and 地图, the map showing the list’s loaded results in order without asking again', async () => {
    const queries = recordQueries()
    answer('get', '/institutions', firstPage, secondPage)
    await renderFinder()
    const [list, map] = screen.getAllByRole('tab')
    expect([list.textContent, map.textContent]).toEqual(['列表', '地图'])
    expect(list.getAttribute('aria-selected')).toBe('true')
    const listed = cardNames()

    fireEvent.click(map)

    expect(map.getAttribute('aria-selected')).toBe('true')
    expect(markerNames()).toEqual(listed)
    expect(document.querySelectorAll('.marker')[0].textContent).toBe(`1 ${listed[0]}`)
    expect(queries).toHaveLength(1)
    // A tapped marker's card is the list's card, with the list's actions.
    const tapped = document.querySelector('.tapped') as HTMLElement
    expect(within(tapped).getByText(listed[1]!)).toBeTruthy()
    expect(within(tapped).getByText('收藏')).toBeTruthy()

    expect(screen.getByText('已显示 10 / 共 13 家')).toBeTruthy()
    fireEvent.click(screen.getByText('加载更多'))
    await screen.findByText('已显示 13 / 共 13 家')
    expect(screen.queryByText('加载更多')).toBeNull()
    expect(queries.at(-1)?.get('page')).toBe('2')

    fireEvent.click(screen.getByText('列表'))
    expect(cardNames()).toEqual(institutionFixtures.map((item) => item.name))
  })

  it('searches the map’s area with the same filters, and says so on the list until the area is cleared', async () => {
    const queries = recordQueries()
    await renderFinder()
    fireEvent.click(screen.getByText('计时托', { selector: '.service-form-chip' }))
    await waitFor(() => expect(queries.at(-1)?.getAll('serviceForm')).toEqual(['hourly']))
    fireEvent.click(screen.getByText('地图'))
    const inside = institutionFixtures.slice(3, 5)
    answer('get', '/institutions', institutionPageFixture(inside))

    fireEvent.click(screen.getByText('搜索此区域'))

    await waitFor(() => expect(queries.at(-1)?.get('bbox')).toBe('125.3,43.85,125.34,43.88'))
    const asked = queries.at(-1)!
    expect(asked.getAll('serviceForm')).toEqual(['hourly'])
    expect([asked.get('lat'), asked.get('lng'), asked.get('sort')]).toEqual(['43.8595', '125.3102', 'distance'])
    await waitFor(() => expect(markerNames()).toEqual(inside.map((item) => item.name)))
    expect(screen.getByText('仅显示地图区域内的机构')).toBeTruthy()

    fireEvent.click(screen.getByText('列表'))
    expect(cardNames()).toEqual(inside.map((item) => item.name))
    expect(screen.getByText('仅显示地图区域内的机构')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '清除区域' }))

    await waitFor(() => expect(queries.at(-1)?.has('bbox')).toBe(false))
    expect(screen.queryByText('仅显示地图区域内的机构')).toBeNull()
    expect(queries.at(-1)?.getAll('serviceForm')).toEqual(['hourly'])
  })

  it('searches an area instead of the picked region, and widening an empty area clears it', async () => {
    const queries = recordQueries()
    await renderFinder(region)
    expect(queries.at(-1)?.get('region')).toBe('220104')
    fireEvent.click(screen.getByText('地图'))
    answer('get', '/institutions', institutionPageFixture([]))

    fireEvent.click(screen.getByText('搜索此区域'))

    await waitFor(() => expect(queries.at(-1)?.has('bbox')).toBe(true))
    expect(queries.at(-1)?.has('region')).toBe(false)
    // An empty area stays on the map, where the parent can move and search again.
    await screen.findByText('没有符合条件的机构')
    expect(screen.getByRole('region', { name: 'map' })).toBeTruthy()

    fireEvent.click(screen.getByText('列表'))
    fireEvent.click(screen.getByText('清除筛选条件'))
    await waitFor(() => expect(queries.at(-1)?.get('region')).toBe('220104'))
    expect(queries.at(-1)?.has('bbox')).toBe(false)
  })

  it('has no map switch where the page gives no map', async () => {
    render(<InstitutionFinder origin={near} />)
    await screen.findByText(/共 \d+ 家备案机构/)
    expect(screen.queryByRole('tab')).toBeNull()
  })
})
