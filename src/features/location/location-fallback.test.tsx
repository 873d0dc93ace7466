import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { recordQueries } from '../../../test/support/app-session'
import { storage } from '../../../test/stubs/taro'
import IndexPage from '../../pages/index'
import { wgs84ToGcj02 } from '../../utils/gcj02'
import { useLocationStore } from './store'

const recordListQueries = () => recordQueries('/institutions')

describe('home page location', () => {
  it('uses the device position and sorts by distance when allowed', async () => {
    const queries = recordListQueries()
    render(<IndexPage />)

    expect(await screen.findByText('当前位置附近')).toBeTruthy()
    await waitFor(() => expect(queries.at(-1)?.get('sort')).toBe('distance'))
    expect(queries.at(-1)?.get('lat')).toBe('43.8595')
    expect((await screen.findAllByText(/公里$/)).length).toBeGreaterThan(0)
    // In GCJ-02, like the registry: WeChat converts, nothing else has to.
    expect(Taro.getFuzzyLocation).toHaveBeenCalledWith({ type: 'gcj02' })
  })

  it('in H5 turns the browser’s GPS (WGS-84) position into GCJ-02 before asking for the list', async () => {
    const env = process.env.TARO_ENV
    process.env.TARO_ENV = 'h5'
    const gps = { latitude: 43.88, longitude: 125.32 }
    const geolocation = { getCurrentPosition: (ok: (p: { coords: typeof gps }) => void) => ok({ coords: gps }) }
    Object.defineProperty(navigator, 'geolocation', { value: geolocation, configurable: true })
    try {
      const queries = recordListQueries()
      render(<IndexPage />)
      await waitFor(() => expect(queries.at(-1)?.get('sort')).toBe('distance'))
      const gcj = wgs84ToGcj02(gps.latitude, gps.longitude)
      expect(Number(queries.at(-1)?.get('lat'))).toBeCloseTo(gcj.lat, 5)
      expect(Number(queries.at(-1)?.get('lng'))).toBeCloseTo(gcj.lng, 5)
      expect(Number(queries.at(-1)?.get('lng'))).not.toBeCloseTo(gps.longitude, 3)
    } finally {
      process.env.TARO_ENV = env
      Reflect.deleteProperty(navigator, 'geolocation')
    }
  })

  it('after a refusal in WeChat offers 去设置, and uses the position once the parent allows it there', async () => {
    ;(Taro.getFuzzyLocation as jest.Mock).mockRejectedValueOnce({ errMsg: 'getFuzzyLocation:fail auth deny' })
    ;(Taro.openSetting as jest.Mock).mockResolvedValueOnce({ authSetting: { 'scope.userFuzzyLocation': true }, errMsg: 'openSetting:ok' })
    const queries = recordListQueries()
    render(<IndexPage />)
    expect(await screen.findByText('未获得位置授权，请选择所在地区')).toBeTruthy()

    // The region picker opened by itself: its first row now leads to WeChat's settings (getFuzzyLocation would be refused again).
    fireEvent.click(screen.getByText(/去设置开启位置授权/))
    // WeChat opens its settings only from inside the tap: the call happened synchronously.
    expect(Taro.openSetting).toHaveBeenCalledTimes(1)

    expect(await screen.findByText('当前位置附近')).toBeTruthy()
    await waitFor(() => expect(queries.at(-1)?.get('sort')).toBe('distance'))
    expect(Taro.getFuzzyLocation).toHaveBeenCalledTimes(2)
  })

  it('after a refusal and a picked district, 改用定位 opens WeChat’s settings and changes nothing when the parent comes back without allowing it', async () => {
    ;(Taro.getFuzzyLocation as jest.Mock).mockRejectedValueOnce({ errMsg: 'getFuzzyLocation:fail authorize no response' })
    render(<IndexPage />)
    fireEvent.click(await screen.findByText('长春市'))
    fireEvent.click(screen.getByText('朝阳区'))
    expect(await screen.findByText('长春 · 朝阳区')).toBeTruthy()

    fireEvent.click(screen.getByText('改用定位'))
    expect(Taro.openSetting).toHaveBeenCalledTimes(1)
    await act(async () => undefined) // the parent is back from WeChat's settings
    expect(Taro.getFuzzyLocation).toHaveBeenCalledTimes(1)
    expect(screen.getByText('长春 · 朝阳区')).toBeTruthy()
  })

  it('offers no 去设置 when the phone itself has location off (WeChat’s settings cannot change that)', async () => {
    ;(Taro.getFuzzyLocation as jest.Mock).mockRejectedValueOnce({ errMsg: 'getFuzzyLocation:fail system permission denied' })
    render(<IndexPage />)
    expect(await screen.findByText('未获得位置授权，请选择所在地区')).toBeTruthy()
    expect(screen.queryByText('去设置')).toBeNull()
    expect(screen.getByText(/使用当前位置/)).toBeTruthy()
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

  it('once a district is picked the refusal banner goes: a quiet line says what the list uses, with 改用定位', async () => {
    ;(Taro.getFuzzyLocation as jest.Mock).mockRejectedValueOnce({ errMsg: 'getFuzzyLocation:fail timeout' })
    render(<IndexPage />)
    expect(await screen.findByText('无法获取位置，请选择所在地区')).toBeTruthy()
    fireEvent.click(await screen.findByText('长春市'))
    fireEvent.click(screen.getByText('朝阳区'))

    expect(await screen.findByText(/按 长春 · 朝阳区 显示/)).toBeTruthy()
    expect(screen.queryByText('无法获取位置，请选择所在地区')).toBeNull()
    expect(screen.queryByText('去设置')).toBeNull()

    // Not refused in WeChat (a timeout): 改用定位 asks for the position again.
    fireEvent.click(screen.getByText('改用定位'))
    expect(await screen.findByText('当前位置附近')).toBeTruthy()
    expect(Taro.getFuzzyLocation).toHaveBeenCalledTimes(2)
    expect(screen.queryByText(/按 长春 · 朝阳区 显示/)).toBeNull()
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
