import { aRecord, anEvaluation, YANBIAN } from '../../../test/support/institution-builder'
import type { InstitutionPage, InstitutionSummary } from '../../../types/institutions'
import { useTestApp } from '../../../test/support/test-app'
import { upsertInstitutions } from './import/upsert'

const { app, testDb } = useTestApp()

const ORIGIN = { lat: 43.88, lng: 125.32 } // 长春 centre
/** "搜索此区域" over central 长春, GCJ-02 west,south,east,north. */
const AREA = { west: 125.2, south: 43.8, east: 125.38, north: 43.92 }
const BBOX = `${AREA.west},${AREA.south},${AREA.east},${AREA.north}`

const fee = (amount: number) => [{ form: 'full_day' as const, hours: '07:30-17:30', days: '周一至周五', fee: amount, feeUnit: 'month' as const }]
const INSIDE = ['红旗街托育园', '绿园社区托育点', '桂林路托育园']
const records = [
  aRecord({ name: '红旗街托育园', lat: 43.89, lng: 125.33, services: fee(2600), evaluations: [anEvaluation('2026年第一批', '2026-04-01', 'B')] }),
  aRecord({ name: '绿园社区托育点', lat: 43.86, lng: 125.25, services: fee(1100), evaluations: [anEvaluation('2026年第一批', '2026-04-01', 'A')] }),
  aRecord({ name: '桂林路托育园', lat: 43.87, lng: 125.3, services: fee(1800) }),
  // Outside: to the north-east, due west (its latitude inside), due north (its longitude inside), and in 延吉.
  aRecord({ name: '南湖企业托育中心', lat: 43.95, lng: 125.4, services: fee(1500), evaluations: [anEvaluation('2025年第二批', '2025-10-01', 'A')] }),
  aRecord({ name: '西郊托育园', lat: 43.85, lng: 125.1, services: fee(1200), evaluations: [anEvaluation('2025年第二批', '2025-10-01', 'C')] }),
  aRecord({ name: '北郊托育园', lat: 44.0, lng: 125.3, services: fee(1900), evaluations: [anEvaluation('2025年第二批', '2025-10-01', 'B')] }),
  aRecord({ name: '延吉示范托育园', ...YANBIAN, services: fee(1700) }),
]

beforeAll(async () => {
  await upsertInstitutions(testDb.database.db, records)
})

async function search(query: Record<string, string | number | boolean>) {
  const params = new URLSearchParams(Object.entries(query).map(([key, value]) => [key, String(value)]))
  const response = await app.inject(`/api/institutions?${params}`)
  return { status: response.statusCode, body: response.json() }
}
const names = (page: InstitutionPage) => page.items.map((i) => i.name)
const inside = (item: InstitutionSummary) => item.lat >= AREA.south && item.lat <= AREA.north && item.lng >= AREA.west && item.lng <= AREA.east

describe('GET /api/institutions?bbox= — 搜索此区域', () => {
  it.each([
    ['nearest first from the parent', ORIGIN],
    ['by grade, from the parent', { ...ORIGIN, sort: 'grade' }],
    ['by fee, from the parent', { ...ORIGIN, sort: 'fee' }],
    ['without a location (by grade, the default)', {}],
    ['by fee without a location', { sort: 'fee' }],
  ])('keeps only institutions inside the area, %s, in the order of the same search filtered', async (_label, query: Record<string, string | number>) => {
    const everywhere = (await search(query)).body
    const { status, body } = await search({ ...query, bbox: BBOX })
    expect(status).toBe(200)
    expect([...names(body)].sort()).toEqual([...INSIDE].sort())
    expect(body.items).toEqual(everywhere.items.filter(inside))
    expect(body.sort).toBe(everywhere.sort)
    expect(body.total).toBe(INSIDE.length)
  })

  it('keeps the parent’s distances and nearest-first order, and null distances without a location', async () => {
    const { body } = await search({ ...ORIGIN, bbox: BBOX })
    expect(body.sort).toBe('distance')
    const distances = body.items.map((i: InstitutionSummary) => i.distanceKm)
    expect(distances.every((d: number | null) => d !== null && d > 0)).toBe(true)
    expect(distances).toEqual([...distances].sort((a, b) => a - b))
    const anonymous = (await search({ bbox: BBOX })).body
    expect(anonymous.sort).toBe('grade')
    expect(anonymous.items.map((i: InstitutionSummary) => i.distanceKm)).toEqual([null, null, null])
  })

  it('applies with the other filters and with a radius', async () => {
    expect(names((await search({ ...ORIGIN, bbox: BBOX, minLevel: 'A' })).body)).toEqual(['绿园社区托育点'])
    expect(names((await search({ ...ORIGIN, bbox: BBOX, radiusKm: 3 })).body)).toEqual(['红旗街托育园', '桂林路托育园'])
    const empty = await search({ bbox: '126.5,43.5,127,44' }) // 吉林市: nothing of this registry
    expect(empty.body).toMatchObject({ items: [], total: 0, hasMore: false })
  })

  it('pages within the area', async () => {
    const first = (await search({ ...ORIGIN, bbox: BBOX, pageSize: 2 })).body
    expect(first).toMatchObject({ total: 3, hasMore: true })
    const second = (await search({ ...ORIGIN, bbox: BBOX, pageSize: 2, page: 2 })).body
    expect(second).toMatchObject({ total: 3, hasMore: false })
    expect([...names(first), ...names(second)]).toEqual(names((await search({ ...ORIGIN, bbox: BBOX })).body))
  })
})

describe('GET /api/institutions?bbox= — an area that is not one is a 400 naming bbox', () => {
  it.each([
    ['west not less than east', { bbox: '125.4,43.8,125.2,43.92' }, '西边界'],
    ['west equal to east', { bbox: '125.3,43.8,125.3,43.92' }, '西边界'],
    ['south not less than north', { bbox: '125.2,43.92,125.38,43.8' }, '南边界'],
    ['a latitude beyond 90', { bbox: '125.2,89,125.38,91' }, '纬度'],
    ['a latitude below -90', { bbox: '125.2,-91,125.38,-89' }, '纬度'],
    ['a longitude beyond 180', { bbox: '179,43,181,44' }, '经度'],
    ['a longitude below -180', { bbox: '-181,43,-179,44' }, '经度'],
    ['an area wider than 5°', { bbox: '122,43,127.5,44' }, '过大'],
    ['an area taller than 5°', { bbox: '125,40,126,45.5' }, '过大'],
    ['an area together with a region', { bbox: BBOX, region: '220100' }, '地区'],
    ['three numbers', { bbox: '125.2,43.8,125.38' }, 'bbox'],
    ['not numbers', { bbox: 'west,south,east,north' }, 'bbox'],
  ])('%s', async (_label, query, saying) => {
    const { status, body } = await search(query)
    expect(status).toBe(400)
    expect(body.field).toBe('bbox')
    expect(body.message).toContain(saying)
    // The Chinese sentence for people, the English for developers apart.
    expect(body.message).not.toMatch(/[(]/)
    expect(body.detail).toContain('bbox')
    expect(body.detail).not.toBe('bbox: invalid')
  })
})
