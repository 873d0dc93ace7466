import { tileUrl } from './api'

describe('tileUrl', () => {
  it('keeps a provider’s absolute template', () => {
    const tianditu = 'https://t{s}.tianditu.gov.cn/vec_w/wmts?TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=abc'
    expect(tileUrl(tianditu, '/api')).toBe(tianditu)
    expect(tileUrl('//tiles.example.cn/{z}/{x}/{y}.png', '/api')).toBe('//tiles.example.cn/{z}/{x}/{y}.png')
  })

  it('asks the BFF for its own stand-in tiles where the app reaches the API', () => {
    expect(tileUrl('/api/map/stand-in-tiles/{z}/{x}/{y}.png', '/api')).toBe('/api/map/stand-in-tiles/{z}/{x}/{y}.png')
    expect(tileUrl('/api/map/stand-in-tiles/{z}/{x}/{y}.png', 'https://bff.example.cn/api')).toBe(
      'https://bff.example.cn/api/map/stand-in-tiles/{z}/{x}/{y}.png',
    )
  })
})
