import { CITIES } from '../../../db/reference/regions'
import { isInsideJilin } from './jilin-boundary'

describe('isInsideJilin', () => {
  it.each(CITIES.flatMap((city) => [city, ...city.districts].map((area) => [area.name, area.lat, area.lng] as const)))(
    '%s centre is inside',
    (_name, lat, lng) => {
      expect(isInsideJilin(lat, lng)).toBe(true)
    },
  )

  it.each([
    ['Harbin', 45.75, 126.63],
    ['Shenyang', 41.8, 123.43],
    ['Dandong', 40.0, 124.35],
    ['Ulanhot', 46.08, 122.05],
    ['Russia east of Hunchun', 42.9, 131.2],
    ['Vladivostok', 43.12, 131.9],
    ['Pyongyang', 39.03, 125.75],
    ['Beijing', 39.9, 116.4],
    ['Mudanjiang', 44.58, 129.6],
    ['Tongliao', 43.65, 122.26],
    ['Changtu (Liaoning, south of Siping)', 42.78, 124.11],
    ['Null Island', 0, 0],
  ])('%s is outside', (_name, lat, lng) => {
    expect(isInsideJilin(lat, lng)).toBe(false)
  })

  it('rejects swapped coordinates and non-numbers', () => {
    expect(isInsideJilin(125.32, 43.88)).toBe(false)
    expect(isInsideJilin(Number.NaN, 125.32)).toBe(false)
  })
})
