import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { MapDatum, MapSettings } from '../../../types/map'
import type { MapArea } from '../../utils/map-area'
import { institutionFixtures } from '../../../mock/fixtures/app'
import { errorResponse } from '../../../mock/handlers'
import { answer } from '../../../test/support/answers'
import { recordRequests } from '../../../test/support/app-session'
import { resetServerData } from '../../services/server-data'
import { wgs84ToGcj02 } from '../../utils/gcj02'
import { InstitutionMap } from './components/institution-map.h5'

const settings: MapSettings = {
  tiles: {
    urlTemplate: '/api/map/stand-in-tiles/{z}/{x}/{y}.png',
    subdomains: [],
    attribution: '开发环境替身底图',
    minZoom: 5,
    maxZoom: 18,
    datum: 'gcj02',
  },
}
const items = institutionFixtures.slice(0, 3)
const props = { items, origin: null, area: null, onSearchArea: () => {}, renderCard: () => null }

afterEach(() => resetServerData())

describe('InstitutionMap (H5)', () => {
  it('says the map failed to load, with 重试, instead of an empty box; 重试 brings the map with its attribution', async () => {
    const requests = recordRequests()
    answer('get', '/map/settings', errorResponse(503, 'down'), settings)
    render(<InstitutionMap {...props} />)

    expect(await screen.findByText('地图加载失败')).toBeTruthy()
    expect(screen.getByText('服务暂时不可用，请稍后再试')).toBeTruthy()
    fireEvent.click(screen.getByText('重试'))

    expect(await screen.findByRole('region', { name: '机构地图' })).toBeTruthy()
    expect(await screen.findByText('开发环境替身底图', { exact: false })).toBeTruthy()
    expect(screen.queryByText('地图加载失败')).toBeNull()
    expect(requests.filter((r) => r.path === '/map/settings')).toHaveLength(2)
  })
})

describe('the map on 天地图-like (WGS-84) tiles and on GCJ-02 tiles', () => {
  const size = { width: 390, height: 360 }
  const saved = {
    w: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientWidth'),
    h: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight'),
  }
  beforeAll(() => {
    // jsdom lays nothing out: give the map a phone's box so Leaflet can place markers and work out what is visible.
    Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => size.width })
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => size.height })
  })
  afterAll(() => {
    if (saved.w) Object.defineProperty(HTMLElement.prototype, 'clientWidth', saved.w)
    if (saved.h) Object.defineProperty(HTMLElement.prototype, 'clientHeight', saved.h)
  })

  /** Opens the map, pans it east with the keyboard and presses 搜索此区域: the area searched. */
  async function searchAfterPanning(datum: MapDatum): Promise<{ area: MapArea; labels: string[] }> {
    answer('get', '/map/settings', { tiles: { ...settings.tiles, datum } })
    const searched: MapArea[] = []
    const view = render(<InstitutionMap {...props} items={institutionFixtures.slice(0, 6)} onSearchArea={(area) => searched.push(area)} />)
    const map = await screen.findByRole('region', { name: '机构地图' })
    await waitFor(() => expect(map.querySelectorAll('.leaflet-marker-icon').length).toBeGreaterThan(0))
    const labels = [...map.querySelectorAll('.leaflet-marker-icon')].map((marker) => marker.getAttribute('aria-label') ?? '')
    expect(screen.queryByText('搜索此区域')).toBeNull() // fitting the results is not the parent's move

    map.focus()
    fireEvent.keyDown(document, { keyCode: 39 })
    fireEvent.click(await screen.findByText('搜索此区域'))
    expect(searched).toHaveLength(1)
    view.unmount()
    resetServerData()
    return { area: searched[0], labels }
  }

  it('numbers the markers as the list and searches the same place whichever datum the tiles are drawn in', async () => {
    const onGcj = await searchAfterPanning('gcj02')
    const onWgs = await searchAfterPanning('wgs84')
    const items = institutionFixtures.slice(0, 6)
    for (const { labels } of [onGcj, onWgs]) {
      for (const label of labels) {
        const single = /^第 (\d+) 家：(.+)$/.exec(label)
        if (single) expect(single[2]).toBe(items[Number(single[1]) - 1].name)
        else expect(label).toMatch(/^此处 \d+ 家机构/)
      }
    }
    // On WGS-84 tiles the same institutions sit a few hundred metres from where GCJ-02 tiles put them; converted both
    // ways, the parent who pans the same way searches the same GCJ-02 area (within metres), not one shifted by the datum.
    const centre = { lat: (onGcj.area.south + onGcj.area.north) / 2, lng: (onGcj.area.west + onGcj.area.east) / 2 }
    const shifted = wgs84ToGcj02(centre.lat, centre.lng)
    const shift = { lat: Math.abs(shifted.lat - centre.lat), lng: Math.abs(shifted.lng - centre.lng) }
    for (const side of ['west', 'east'] as const) expect(Math.abs(onWgs.area[side] - onGcj.area[side])).toBeLessThan(shift.lng / 5)
    for (const side of ['south', 'north'] as const) expect(Math.abs(onWgs.area[side] - onGcj.area[side])).toBeLessThan(shift.lat / 5)
    expect(onGcj.area.east).toBeGreaterThan(onGcj.area.west)
  })
})
