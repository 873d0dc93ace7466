import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { server } from '../../../mock/handlers/server'
import { storage } from '../../../test/stubs/taro'
import IndexPage from '../../pages/index'
import { useLocationStore } from './store'

function recordListQueries() {
  const queries: URLSearchParams[] = []
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url)
    if (url.pathname === '/api/institutions') queries.push(url.searchParams)
  })
  return queries
}

describe('home page location', () => {
  it('uses the device position and sorts by distance when allowed', async () => {
    const queries = recordListQueries()
    render(<IndexPage />)

    expect(await screen.findByText('当前位置附近')).toBeTruthy()
    await waitFor(() => expect(queries.at(-1)?.get('sort')).toBe('distance'))
    expect(queries.at(-1)?.get('lat')).toBe('43.8595')
    expect((await screen.findAllByText(/公里$/)).length).toBeGreaterThan(0)
  })

  it('falls back to picking a 市州 and district when the parent refuses location', async () => {
    ;(Taro.getFuzzyLocation as jest.Mock).mockRejectedValueOnce({ errMsg: 'getFuzzyLocation:fail auth deny' })
    const queries = recordListQueries()
    render(<IndexPage />)

    expect(await screen.findByText('未获得位置授权，请选择所在地区')).toBeTruthy()
    fireEvent.click(await screen.findByText('长春市'))
    fireEvent.click(screen.getByText('朝阳区'))

    await waitFor(() => expect(queries.at(-1)?.get('region')).toBe('220104'))
    expect(queries.at(-1)?.get('sort')).toBe('grade')
    expect(queries.at(-1)?.has('lat')).toBe(false)
    expect(await screen.findByText('长春 · 朝阳区')).toBeTruthy()
    expect((await screen.findAllByText(/^朝阳区/)).length).toBeGreaterThan(0)
    expect(screen.queryByText('距离最近')).toBeNull()
  })

  it('remembers the picked region for the next time location is unavailable', async () => {
    ;(Taro.getFuzzyLocation as jest.Mock).mockRejectedValue({ errMsg: 'getFuzzyLocation:fail system permission denied' })
    const region = { kind: 'region', code: '220102', name: '长春 · 南关区', lat: 43.86, lng: 125.35 } as const
    useLocationStore.getState().chooseRegion(region)
    expect(JSON.parse(String(storage.get('jilin-tuoyu/location'))).state.savedRegion).toEqual(region)

    useLocationStore.setState({ status: 'idle', origin: null })
    await useLocationStore.getState().locate()

    expect(useLocationStore.getState().origin).toEqual(region)
    expect(useLocationStore.getState().pickerOpen).toBe(false)
  })

  it('lets the parent switch from a region back to the device position', async () => {
    ;(Taro.getFuzzyLocation as jest.Mock).mockRejectedValueOnce({ errMsg: 'getFuzzyLocation:fail timeout' })
    render(<IndexPage />)
    expect(await screen.findByText('无法获取位置，请选择所在地区')).toBeTruthy()

    fireEvent.click(screen.getByText(/使用当前位置/))

    expect(await screen.findByText('当前位置附近')).toBeTruthy()
    await waitFor(() => expect(document.querySelectorAll('.institution-card').length).toBeGreaterThan(0))
  })
})
