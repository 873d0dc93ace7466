import { gcj02ToWgs84, wgs84ToGcj02 } from './gcj02'

describe('wgs84ToGcj02', () => {
  it.each([
    // Published reference points of the transform (eviltransform's tests; coordtransform's README example).
    ['上海', { lat: 31.1774276, lng: 121.5272106 }, { lat: 31.17530398364597, lng: 121.531541859215 }],
    ['北京', { lat: 39.915, lng: 116.404 }, { lat: 39.91640428150164, lng: 116.41024449916938 }],
  ])('moves a GPS point in %s onto the Chinese maps’ datum', (_city, wgs, gcj) => {
    const result = wgs84ToGcj02(wgs.lat, wgs.lng)
    expect(result.lat).toBeCloseTo(gcj.lat, 8)
    expect(result.lng).toBeCloseTo(gcj.lng, 8)
  })

  it('shifts a point in 长春 by a few hundred metres, not more', () => {
    const { lat, lng } = wgs84ToGcj02(43.88, 125.32)
    const metres = Math.hypot((lat - 43.88) * 111_000, (lng - 125.32) * 111_000 * Math.cos((43.88 * Math.PI) / 180))
    expect(metres).toBeGreaterThan(200)
    expect(metres).toBeLessThan(1000)
  })

  it('leaves points outside China alone', () => {
    expect(wgs84ToGcj02(51.5, -0.12)).toEqual({ lat: 51.5, lng: -0.12 })
  })
})

/** Metres between two nearby points (equirectangular: plenty for distances of a few hundred metres). */
const metresBetween = (a: { lat: number; lng: number }, b: { lat: number; lng: number }) =>
  Math.hypot((a.lat - b.lat) * 111_195, (a.lng - b.lng) * 111_195 * Math.cos((a.lat * Math.PI) / 180))

describe('gcj02ToWgs84', () => {
  it.each([
    ['上海', { lat: 31.17530398364597, lng: 121.531541859215 }, { lat: 31.1774276, lng: 121.5272106 }],
    ['北京', { lat: 39.91640428150164, lng: 116.41024449916938 }, { lat: 39.915, lng: 116.404 }],
  ])('brings a point in %s back to the GPS position it came from', (_city, gcj, wgs) => {
    expect(metresBetween(gcj02ToWgs84(gcj.lat, gcj.lng), wgs)).toBeLessThan(0.01)
  })

  it('undoes wgs84ToGcj02 to well under a metre across Jilin', () => {
    for (let lat = 40.9; lat <= 46.3; lat += 0.45) {
      for (let lng = 121.6; lng <= 131.3; lng += 0.8) {
        const gcj = wgs84ToGcj02(lat, lng)
        const back = gcj02ToWgs84(gcj.lat, gcj.lng)
        expect(metresBetween(back, { lat, lng })).toBeLessThan(1)
        // and the shift it undoes is the few hundred metres the forward transform makes
        expect(metresBetween(gcj, back)).toBeGreaterThan(100)
      }
    }
  })

  it('leaves points outside China alone', () => {
    expect(gcj02ToWgs84(51.5, -0.12)).toEqual({ lat: 51.5, lng: -0.12 })
  })
})
