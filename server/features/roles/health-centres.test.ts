import fs from 'node:fs'
import { DEMO_HEALTH_CENTRES, seedDemoHealthCentres } from './demo-health-centres'
import { CITIES } from '../../db/reference/regions'
import { useTestApp } from '../../../test/support/test-app'

const { app, testDb } = useTestApp()

describe('demo health centres', () => {
  const fixture = JSON.parse(fs.readFileSync(DEMO_HEALTH_CENTRES, 'utf8')) as Array<{
    name: string
    cityCode: string
    districtCode: string
    lat: number
    lng: number
  }>

  it('are 22 clearly fictional centres, two per 市州, placed in their district', () => {
    expect(fixture).toHaveLength(22)
    for (const city of CITIES) expect(fixture.filter((c) => c.cityCode === city.code)).toHaveLength(2)
    for (const centre of fixture) {
      expect(centre.name).toMatch(/社区卫生服务中心（演示）$/)
      const district = CITIES.find((c) => c.code === centre.cityCode)!.districts.find((d) => d.code === centre.districtCode)
      expect(district).toBeDefined()
      expect(Math.abs(centre.lat - district!.lat)).toBeLessThan(0.05)
      expect(Math.abs(centre.lng - district!.lng)).toBeLessThan(0.05)
    }
  })

  it('are loaded once into an empty table, marked as demo', async () => {
    expect(await seedDemoHealthCentres(testDb.database.db)).toBe(22)
    expect(await seedDemoHealthCentres(testDb.database.db)).toBe(0)
    const rows = await testDb.database.db.selectFrom('healthCentres').select('isDemo').execute()
    expect(rows).toHaveLength(22)
    expect(rows.every((r) => r.isDemo)).toBe(true)
  })
})

describe('GET /api/health-centres', () => {
  it('lists every centre publicly, or those of one 市州', async () => {
    const all = await app.inject('/api/health-centres')
    expect(all.statusCode).toBe(200)
    expect(all.json().items).toHaveLength(22)
    const yanbian = (await app.inject('/api/health-centres?city=222400')).json().items
    expect(yanbian).toHaveLength(2)
    expect(yanbian[0]).toMatchObject({ cityCode: '222400', districtName: expect.stringMatching(/市$/) })
    expect(Object.keys(yanbian[0]).sort()).toEqual(['address', 'cityCode', 'districtCode', 'districtName', 'id', 'name', 'phone'])
  })

  it('answers 400 naming city for an unknown or malformed code', async () => {
    for (const city of ['999999', '220104', 'abc']) {
      const response = await app.inject(`/api/health-centres?city=${city}`)
      expect(response.statusCode).toBe(400)
      expect(response.json().field).toBe('city')
    }
  })
})
