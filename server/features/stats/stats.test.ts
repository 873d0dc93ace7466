import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { aRecord, YANBIAN } from '../../../test/support/institution-builder'
import { seedRecords } from '../../../test/support/seed-registry'
import type { InstitutionRecord } from '../institutions/import/record'
import type { RegionFigures, Stats } from '../../../types/stats'
import { upsertInstitutions } from '../institutions/import/upsert'
import type { Population } from './population'
import { buildTestApp, signedInRegulator, useTestApp } from '../../../test/support/test-app'

const POPULATION: Population = { year: 2023, source: '测试人口数据', residents: { 220000: 1_000_000, 220100: 30_000, 222400: 7_000, 229100: null } }

type Class = InstitutionRecord['classes'][number]
const aClass = (capacity: number): Class => ({ type: 'senior', name: '托大班', minAgeMonths: 24, maxAgeMonths: 36, capacity, enrolled: 5, caregivers: 2 })
function graded(level: string, evaluatedOn: string, validUntil: string): InstitutionRecord['evaluations'][number] {
  return { round: '测试批次', evaluatedOn, validUntil, level, score: 0, department: '长春市卫生健康委员会', dimensionScores: {} }
}

const { app, testDb } = useTestApp({ stats: { population: POPULATION, cacheSeconds: 0 } })
let changchunId: string
let yanbianId: string

beforeAll(async () => {
  const ids = await seedRecords(app, {
    changchun: aRecord({
      name: '普惠示范园',
      inclusive: true,
      demonstration: true,
      classes: [aClass(10), aClass(15)],
      evaluations: [graded('A', '2026-05-01', '2099-12-31')],
    }),
    expired: aRecord({ name: '等级过期园', classes: [aClass(20)], evaluations: [graded('B', '2023-05-01', '2025-04-30')] }),
    downgraded: aRecord({
      name: '降级普惠园',
      inclusive: true,
      classes: [aClass(15), aClass(20)],
      evaluations: [graded('C', '2026-05-01', '2099-12-31'), graded('A', '2023-05-01', '2025-04-30')],
    }),
    yanbian: aRecord({ name: '延吉示范园', ...YANBIAN, demonstration: true, classes: [aClass(18)] }),
  })
  changchunId = ids.changchun
  yanbianId = ids.yanbian
})

async function stats(on: FastifyInstance = app): Promise<Stats> {
  const response = await on.inject({ method: 'GET', url: '/api/stats' })
  expect(response.statusCode).toBe(200)
  return response.json()
}
const city = (s: Stats, code: string) => s.cities.find((c) => c.regionCode === code)!
const gradeCounts = (figures: RegionFigures) => figures.grades.map((g) => [g.level, g.count])

describe('GET /api/stats — the registry', () => {
  it('counts filed institutions, places, 普惠 places and 示范 per 市州 as imported', async () => {
    const changchun = city(await stats(), '220100')
    expect(changchun).toMatchObject({
      regionName: '长春市',
      institutions: 3,
      places: 80,
      inclusivePlaces: 60,
      inclusiveShare: 0.75,
      demonstration: 1,
      population: 30_000,
      placesPer1000: 2.7, // 80 places / 30,000 residents × 1,000 = 2.67
    })
    expect(city(await stats(), '222400')).toMatchObject({
      regionName: '延边朝鲜族自治州',
      institutions: 1,
      places: 18,
      inclusivePlaces: 0,
      inclusiveShare: 0,
      demonstration: 1,
      population: 7_000,
      placesPer1000: 2.6, // 18 / 7,000 × 1,000 = 2.57
    })
  })

  it('counts the latest grade still valid; a lapsed grade counts as 未评级', async () => {
    const s = await stats()
    expect(gradeCounts(city(s, '220100'))).toEqual([
      ['A', 1],
      ['B', 0],
      ['C', 1],
      ['D', 0],
      [null, 1],
    ])
    expect(city(s, '220100').grades.map((g) => g.label)).toEqual(['A级（优秀）', 'B级（良好）', 'C级（合格）', 'D级（不合格）', '未评级'])
    expect(gradeCounts(city(s, '222400'))).toEqual([
      ['A', 0],
      ['B', 0],
      ['C', 0],
      ['D', 0],
      [null, 1],
    ])
  })

  it('covers every area of the region list, in its order, including 长白山管委会 and 长春新区', async () => {
    const s = await stats()
    expect(s.cities.map((c) => c.regionCode)).toEqual(app.reference.cities.map((c) => c.code))
    expect(s.cities.map((c) => c.regionName)).toEqual(expect.arrayContaining(['长白山管委会', '长春新区']))
    expect(city(s, '229100')).toMatchObject({ institutions: 0, places: 0, inclusiveShare: 0, population: null, placesPer1000: null })
    // Not in the population data at all: unknown too.
    expect(city(s, '229200')).toMatchObject({ population: null, placesPer1000: null })
  })

  it('gives the province the sums of its 市州 and its own population', async () => {
    const s = await stats()
    const total = (pick: (f: RegionFigures) => number) => s.cities.reduce((sum, c) => sum + pick(c), 0)
    expect(s.province).toMatchObject({ regionCode: '220000', regionName: '吉林省', population: 1_000_000, placesPer1000: 0.1, inclusiveShare: 0.612 })
    for (const field of [
      'institutions',
      'places',
      'inclusivePlaces',
      'demonstration',
      'complaintsReceived',
      'complaintsClosed',
      'complaintsClosedOnTime',
    ] as const) {
      expect(s.province[field]).toBe(total((c) => c[field]))
    }
    expect(s.province.grades.map((g) => g.count)).toEqual(s.province.grades.map((_g, i) => total((c) => c.grades[i].count)))
    expect(s).toMatchObject({ populationYear: 2023, populationSource: '测试人口数据' })
  })
})

describe('GET /api/stats — complaints', () => {
  const regulatorHeaders = async () => (await signedInRegulator(app, '220000')).headers

  async function file(institutionId: string): Promise<string> {
    const response = await app.inject({
      method: 'POST',
      url: '/api/complaints',
      headers: { 'idempotency-key': randomUUID() },
      payload: {
        institutionId,
        category: 'fees',
        description: '退费时只退了一半，机构说预付费不退。',
        occurredAt: new Date(Date.now() - 86_400_000).toISOString(),
        photoIds: [],
        anonymous: true,
      },
    })
    expect(response.statusCode).toBe(201)
    return response.json().trackingNumber
  }

  async function act(headers: Record<string, string>, trackingNumber: string, action: string, payload: object = {}) {
    const response = await app.inject({ method: 'POST', url: `/api/admin/complaints/${trackingNumber}/${action}`, headers, payload })
    expect(response.statusCode).toBe(200)
  }

  async function closed(headers: Record<string, string>, trackingNumber: string) {
    await act(headers, trackingNumber, 'accept')
    await act(headers, trackingNumber, 'reply', { reply: '已责令机构按规定退费。' })
    await act(headers, trackingNumber, 'close', { outcome: 'upheld' })
  }

  const fileDaysAgo = (trackingNumber: string, days: number) =>
    testDb.database.db
      .updateTable('complaints')
      .set({ filedAt: new Date(Date.now() - days * 86_400_000).toISOString() })
      .where('trackingNumber', '=', trackingNumber)
      .execute()

  beforeAll(async () => {
    const headers = await regulatorHeaders()
    await closed(headers, await file(changchunId)) // closed the day it was filed: on time
    const late = await file(changchunId)
    await closed(headers, late)
    await fileDaysAgo(late, 20) // closed today, 20 days after filing: later than the 15 reply days
    await file(changchunId) // still waiting
    const rejected = await file(yanbianId)
    await act(headers, rejected, 'reject', { reason: '不属于托育机构监管范围' })
    await fileDaysAgo(await file(changchunId), 400) // outside the 12 months
  })

  it('counts complaints received in the 12 months, closed (办结), and closed within the reply days', async () => {
    const s = await stats()
    expect(city(s, '220100')).toMatchObject({ complaintsReceived: 3, complaintsClosed: 2, complaintsClosedOnTime: 1 })
    expect(city(s, '222400')).toMatchObject({ complaintsReceived: 1, complaintsClosed: 0, complaintsClosedOnTime: 0 })
    expect(s.province).toMatchObject({ complaintsReceived: 4, complaintsClosed: 2, complaintsClosedOnTime: 1 })
  })

  it('says since when complaints are counted: the 12 months to today in China', async () => {
    const s = await stats()
    const asOf = new Date(s.asOf)
    expect(Date.now() - asOf.getTime()).toBeLessThan(60_000)
    const chinaDate = new Date(asOf.getTime() + 8 * 3600_000)
    chinaDate.setUTCFullYear(chinaDate.getUTCFullYear() - 1)
    chinaDate.setUTCDate(chinaDate.getUTCDate() + 1)
    expect(s.complaintsSince).toBe(chinaDate.toISOString().slice(0, 10))
  })

  it('measures on time against the configured reply days', async () => {
    const patient = (
      await buildTestApp(testDb, { complaints: { ...app.settings.complaints, replyDays: 30 }, stats: { population: POPULATION, cacheSeconds: 0 } })
    ).app
    try {
      expect(city(await stats(patient), '220100')).toMatchObject({ complaintsClosed: 2, complaintsClosedOnTime: 2 })
    } finally {
      await patient.close()
    }
  })
})

describe('GET /api/stats — caching', () => {
  let cached: FastifyInstance
  beforeAll(async () => {
    cached = (await buildTestApp(testDb, { stats: { population: POPULATION, cacheSeconds: 300 } })).app
  })
  afterAll(async () => {
    await cached.close()
  })

  it('serves the same answer for the cache time, with Cache-Control and an ETag, and 304 to If-None-Match', async () => {
    const first = await cached.inject({ method: 'GET', url: '/api/stats' })
    expect(first.headers['cache-control']).toMatch(/^public, max-age=(300|299)$/)
    const etag = first.headers.etag as string
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/)

    await upsertInstitutions(testDb.database.db, [aRecord({ name: '缓存期间新备案园', classes: [aClass(12)] })])
    const second = await cached.inject({ method: 'GET', url: '/api/stats' })
    expect(second.json()).toEqual(first.json())
    expect(second.headers.etag).toBe(etag)

    const unchanged = await cached.inject({ method: 'GET', url: '/api/stats', headers: { 'if-none-match': etag } })
    expect(unchanged.statusCode).toBe(304)
    expect(unchanged.body).toBe('')
    expect(unchanged.headers.etag).toBe(etag)
    expect(unchanged.headers['cache-control']).toMatch(/^public, max-age=\d+$/)
    expect((await cached.inject({ method: 'GET', url: '/api/stats', headers: { 'if-none-match': `"stale", W/${etag}` } })).statusCode).toBe(304)
    expect((await cached.inject({ method: 'GET', url: '/api/stats', headers: { 'if-none-match': '"stale"' } })).statusCode).toBe(200)

    // Without the cache the new institution shows at once, under a new ETag.
    const fresh = await app.inject({ method: 'GET', url: '/api/stats' })
    expect(fresh.json().province.institutions).toBe(first.json().province.institutions + 1)
    expect(fresh.headers.etag).not.toBe(etag)
    expect(fresh.headers['cache-control']).toBe('public, max-age=0')
  })
})
