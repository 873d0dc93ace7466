import { aRecord, dimensionScores } from '../../../test/support/institution-builder'
import { upsertInstitutions } from './import/upsert'
import type { InstitutionDetail, InstitutionPage } from '../../../types/institutions'
import { grantRole, signedInUser, useTestApp } from '../../../test/support/test-app'

const ORIGIN = { lat: 43.88, lng: 125.32 } // 长春 centre
const EARTH_RADIUS_M = 6378168 // the sphere earthdistance uses

function haversineKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }) {
  const rad = (d: number) => (d * Math.PI) / 180
  const h = Math.sin(rad(b.lat - a.lat) / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lng - a.lng) / 2) ** 2
  return (2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(h))) / 1000
}

const { app, testDb } = useTestApp()

const near = aRecord({
  name: '红旗街托育园',
  lat: 43.89,
  lng: 125.33,
  inclusive: true,
  services: [
    { form: 'full_day', hours: '07:30-17:30', days: '周一至周五', fee: 2600, feeUnit: 'month' },
    { form: 'hourly', hours: '08:00-18:00', days: '周一至周六', fee: 40, feeUnit: 'hour' },
  ],
  classes: [
    { type: 'infant', name: '乳儿班', minAgeMonths: 6, maxAgeMonths: 12, capacity: 10, enrolled: 10, caregivers: 4 },
    { type: 'toddler', name: '托小班', minAgeMonths: 12, maxAgeMonths: 24, capacity: 15, enrolled: 15, caregivers: 3 },
  ],
  classFees: [{ form: 'full_day', classType: 'infant', amount: 3000 }],
  feeItems: [
    { item: 'meals', amount: 18, unit: 'day', note: '按出勤天数收取' },
    { item: 'insurance', amount: 100, unit: 'year', note: '' },
  ],
  evaluations: [
    {
      round: '2026年第一批',
      evaluatedOn: '2026-04-01',
      validUntil: '2029-03-31',
      level: 'B',
      score: 800,
      department: '长春市卫生健康委员会',
      dimensionScores: dimensionScores([120, 120, 120, 120, 100, 120, 100]),
    },
    {
      round: '2023年第一批',
      evaluatedOn: '2023-04-01',
      validUntil: '2026-03-31',
      level: 'C',
      score: 650,
      department: '长春市卫生健康委员会',
      dimensionScores: dimensionScores([100, 100, 100, 100, 80, 90, 80]),
    },
  ],
  committeeEstablishedOn: '2024-09-01',
})
const middle = aRecord({
  name: '南湖企业托育中心',
  lat: 43.95,
  lng: 125.4,
  kind: 'employer',
  ownership: 'public',
  profit: 'nonprofit',
  registeringAuthority: 'establishment',
  services: [{ form: 'full_day', hours: '07:00-18:00', days: '周一至周五', fee: 1500, feeUnit: 'month' }],
  classes: [{ type: 'senior', name: '托大班', minAgeMonths: 24, maxAgeMonths: 36, capacity: 20, enrolled: 12, caregivers: 1 }],
  evaluations: [
    {
      round: '2025年第二批',
      evaluatedOn: '2025-10-01',
      validUntil: '2028-09-30',
      level: 'A',
      score: 930,
      department: '长春市卫生健康委员会',
      dimensionScores: dimensionScores([150, 140, 190, 140, 90, 130, 90]),
    },
  ],
  sanctions: [
    { kind: 'credit_warning', measure: '列入信用警示名单', reason: '未按规定公示收费项目', department: '长春市市场监督管理局', decidedOn: '2026-02-10' },
  ],
})
const lapsed = aRecord({
  name: '绿园社区托育点',
  lat: 43.86,
  lng: 125.25,
  kind: 'community',
  profit: 'forprofit',
  registeringAuthority: 'market_regulation',
  services: [
    { form: 'half_day', hours: '08:00-12:00', days: '周一至周五', fee: 1100, feeUnit: 'month' },
    { form: 'temporary', hours: '08:00-17:00', days: '每天', fee: 150, feeUnit: 'day' },
  ],
  classes: [{ type: 'mixed', name: '混龄班', minAgeMonths: 18, maxAgeMonths: 36, capacity: 18, enrolled: 5, caregivers: 2 }],
  evaluations: [
    {
      round: '2022年第一批',
      evaluatedOn: '2022-05-01',
      validUntil: '2025-04-30',
      level: 'A',
      score: 910,
      department: '长春市卫生健康委员会',
      dimensionScores: dimensionScores([140, 140, 180, 140, 90, 130, 90]),
    },
  ],
})
const yanji = aRecord({
  name: '延吉示范托育园',
  lat: 42.9,
  lng: 129.5,
  cityCode: '222400',
  districtCode: '222401',
  address: '延吉市光明街1号',
  filingAuthority: '延吉市卫生健康局',
  demonstration: true,
  services: [{ form: 'full_day', hours: '07:30-17:00', days: '周一至周五', fee: 1800, feeUnit: 'month' }],
})

beforeAll(async () => {
  await upsertInstitutions(testDb.database.db, [near, middle, lapsed, yanji])
})

async function search(query: Record<string, string | number | boolean | string[]>) {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, String(v))
  }
  const response = await app.inject({ method: 'GET', url: `/api/institutions?${params}` })
  return { status: response.statusCode, body: response.json() }
}
const names = (page: InstitutionPage) => page.items.map((i) => i.name)

describe('GET /api/institutions — nearest first', () => {
  it('lists institutions closest first with distances computed by the database', async () => {
    const { status, body } = await search(ORIGIN)
    expect(status).toBe(200)
    expect(names(body)).toEqual(['红旗街托育园', '绿园社区托育点', '南湖企业托育中心', '延吉示范托育园'])
    for (const item of body.items) {
      expect(item.distanceKm).toBeCloseTo(haversineKm(ORIGIN, item), 1)
    }
    expect(body.sort).toBe('distance')
  })

  it('is correct across the whole province (from Yanji, Changchun is about 350 km away)', async () => {
    const { body } = await search({ lat: 42.89, lng: 129.51 })
    expect(body.items[0].name).toBe('延吉示范托育园')
    const changchun = body.items.find((i: { name: string }) => i.name === '红旗街托育园')
    expect(changchun.distanceKm).toBeGreaterThan(330)
    expect(changchun.distanceKm).toBeCloseTo(haversineKm({ lat: 42.89, lng: 129.51 }, near), 0)
  })

  it('keeps only institutions within radiusKm', async () => {
    const { body } = await search({ ...ORIGIN, radiusKm: 7 })
    expect(names(body)).toEqual(['红旗街托育园', '绿园社区托育点'])
    expect(body.total).toBe(2)
  })

  it('shows grade with its date, fee range, service forms, free places and badges', async () => {
    const { body } = await search({ ...ORIGIN, radiusKm: 3 })
    const item = body.items[0]
    expect(item.grade).toMatchObject({ level: 'B', gradedOn: '2026-04-01', validUntil: '2029-03-31', lapsed: false, score: 800 })
    expect(item.grade.label).toContain('B')
    expect(item.monthlyFee).toEqual({ min: 2600, max: 2600 })
    expect(item.serviceForms).toEqual(['full_day', 'hourly'])
    expect(item.freePlaces).toBe(0)
    expect(item.inclusive).toBe(true)
    expect(item.classes.map((k: { name: string; freePlaces: number }) => [k.name, k.freePlaces])).toEqual([
      ['乳儿班', 0],
      ['托小班', 0],
    ])
    expect(item.cityName).toBe('长春市')
    expect(item.vacanciesUpdatedAt).toBe('2026-11-20T08:00:00.000Z')
  })

  it('marks a grade whose validity has passed as lapsed', async () => {
    const { body } = await search({ ...ORIGIN, q: '绿园' })
    expect(body.items[0].grade).toMatchObject({ level: 'A', lapsed: true, gradedOn: '2022-05-01' })
  })
})

describe('GET /api/institutions — filters and sorting', () => {
  it('filters by service form (计时托)', async () => {
    expect(names((await search({ ...ORIGIN, serviceForm: 'hourly' })).body)).toEqual(['红旗街托育园'])
    expect(names((await search({ ...ORIGIN, serviceForm: ['half_day', 'temporary'] })).body)).toEqual(['绿园社区托育点'])
  })

  it('filters by kind, ownership, profit, 普惠 and 示范', async () => {
    expect(names((await search({ ...ORIGIN, kind: 'employer' })).body)).toEqual(['南湖企业托育中心'])
    expect(names((await search({ ...ORIGIN, kind: ['employer', 'community'] })).body)).toEqual(['绿园社区托育点', '南湖企业托育中心'])
    expect(names((await search({ ...ORIGIN, ownership: 'public' })).body)).toEqual(['南湖企业托育中心'])
    expect(names((await search({ ...ORIGIN, profit: 'forprofit' })).body)).toEqual(['绿园社区托育点'])
    expect(names((await search({ ...ORIGIN, inclusive: true })).body)).toEqual(['红旗街托育园'])
    expect(names((await search({ ...ORIGIN, demonstration: true })).body)).toEqual(['延吉示范托育园'])
  })

  it('keeps only institutions with a class for the child’s age, and with a free place when asked', async () => {
    const now = new Date()
    const monthsAgo = (n: number) => {
      const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - n, 1))
      return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`
    }
    expect(names((await search({ ...ORIGIN, childBirthMonth: monthsAgo(8) })).body)).toEqual(['红旗街托育园'])
    expect(names((await search({ ...ORIGIN, childBirthMonth: monthsAgo(20) })).body)).toEqual(['红旗街托育园', '绿园社区托育点', '延吉示范托育园'])
    expect(names((await search({ ...ORIGIN, childBirthMonth: monthsAgo(20), vacanciesOnly: true })).body)).toEqual(['绿园社区托育点', '延吉示范托育园'])
    expect(names((await search({ ...ORIGIN, childBirthMonth: monthsAgo(30) })).body)).toEqual(['绿园社区托育点', '南湖企业托育中心'])
  })

  it('filters vacancies only, by region and by name', async () => {
    expect(names((await search({ ...ORIGIN, vacanciesOnly: true })).body)).toEqual(['绿园社区托育点', '南湖企业托育中心', '延吉示范托育园'])
    expect(names((await search({ region: '222400' })).body)).toEqual(['延吉示范托育园'])
    expect(names((await search({ region: '222401' })).body)).toEqual(['延吉示范托育园'])
    expect(names((await search({ ...ORIGIN, q: '企业' })).body)).toEqual(['南湖企业托育中心'])
    expect((await search({ ...ORIGIN, q: '%' })).body.items).toEqual([])
  })

  it('filters by minimum grade, ignoring lapsed grades', async () => {
    expect(names((await search({ ...ORIGIN, minLevel: 'A' })).body)).toEqual(['南湖企业托育中心'])
    expect(names((await search({ ...ORIGIN, minLevel: 'B' })).body)).toEqual(['红旗街托育园', '南湖企业托育中心'])
  })

  it('sorts by grade (current grades first) and by fee', async () => {
    expect(names((await search({ ...ORIGIN, sort: 'grade' })).body)).toEqual(['南湖企业托育中心', '红旗街托育园', '绿园社区托育点', '延吉示范托育园'])
    expect(names((await search({ ...ORIGIN, sort: 'fee' })).body)).toEqual(['绿园社区托育点', '南湖企业托育中心', '延吉示范托育园', '红旗街托育园'])
  })

  it('shows the fee of the chosen service form in its unit, keeping the monthly fee', async () => {
    const hourly = (await search({ ...ORIGIN, serviceForm: 'hourly' })).body.items[0]
    expect(hourly.fee).toEqual({ form: 'hourly', amount: 40, unit: 'hour' })
    expect(hourly.monthlyFee).toEqual({ min: 2600, max: 2600 })
    const byName = (await search({ q: '绿园', serviceForm: ['temporary', 'half_day'] })).body.items[0]
    expect(byName.fee).toEqual({ form: 'temporary', amount: 150, unit: 'day' })
    expect((await search({ ...ORIGIN })).body.items.every((i: { fee: unknown }) => i.fee === null)).toBe(true)
  })

  it('keeps institutions within a budget read in the unit of the chosen service form, nearest first and by name', async () => {
    expect(names((await search({ ...ORIGIN, serviceForm: 'full_day', maxFee: 2000 })).body)).toEqual(['南湖企业托育中心', '延吉示范托育园'])
    expect(names((await search({ ...ORIGIN, serviceForm: 'hourly', maxFee: 39 })).body)).toEqual([])
    expect(names((await search({ ...ORIGIN, serviceForm: 'hourly', maxFee: 40 })).body)).toEqual(['红旗街托育园'])
    expect(names((await search({ ...ORIGIN, maxFee: 1200 })).body)).toEqual(['绿园社区托育点'])
    const byName = await search({ q: '托育', serviceForm: 'full_day', maxFee: 2000 })
    expect(names(byName.body)).toEqual(['南湖企业托育中心', '延吉示范托育园'])
    expect(byName.body.total).toBe(2)
  })

  it('sorts by the fee of the chosen service form', async () => {
    expect(names((await search({ ...ORIGIN, serviceForm: 'full_day', sort: 'fee' })).body)).toEqual(['南湖企业托育中心', '延吉示范托育园', '红旗街托育园'])
  })

  it('works without a location (region picked instead): no distance, sorted by grade', async () => {
    const { status, body } = await search({ region: '220100' })
    expect(status).toBe(200)
    expect(body.sort).toBe('grade')
    expect(body.items.every((i: { distanceKm: number | null }) => i.distanceKm === null)).toBe(true)
    expect(names(body)).toEqual(['南湖企业托育中心', '红旗街托育园', '绿园社区托育点'])
  })

  it('pages with a total and a clear end', async () => {
    const first = (await search({ ...ORIGIN, pageSize: 3 })).body
    expect(first).toMatchObject({ total: 4, page: 1, pageSize: 3, hasMore: true })
    const second = (await search({ ...ORIGIN, pageSize: 3, page: 2 })).body
    expect(second).toMatchObject({ total: 4, page: 2, hasMore: false })
    expect(names(second)).toEqual(['延吉示范托育园'])
    const beyond = (await search({ ...ORIGIN, pageSize: 3, page: 9 })).body
    expect(beyond).toMatchObject({ items: [], hasMore: false })
  })
})

describe('GET /api/institutions — bad input is a 400 naming the field', () => {
  const cases: Array<[string, Record<string, string | number>, string]> = [
    ['latitude out of range', { lat: 91, lng: 125 }, 'lat'],
    ['longitude out of range', { lat: 43, lng: 181 }, 'lng'],
    ['latitude not a number', { lat: 'north', lng: 125 }, 'lat'],
    ['longitude without latitude', { lng: 125 }, 'lat'],
    ['latitude without longitude', { lat: 43 }, 'lng'],
    ['radius without location', { radiusKm: 3 }, 'radiusKm'],
    ['negative radius', { ...ORIGIN, radiusKm: -1 }, 'radiusKm'],
    ['unknown service form', { serviceForm: 'weekly' }, 'serviceForm'],
    ['unknown kind', { kind: 'castle' }, 'kind'],
    ['unknown ownership', { ownership: 'mixed' }, 'ownership'],
    ['unknown sort', { sort: 'random' }, 'sort'],
    ['distance sort without location', { sort: 'distance' }, 'sort'],
    ['absurd page size', { pageSize: 10000 }, 'pageSize'],
    ['page zero', { page: 0 }, 'page'],
    ['fractional page', { page: 1.5 }, 'page'],
    ['unknown region', { region: '110000' }, 'region'],
    ['malformed region', { region: 'changchun' }, 'region'],
    ['unknown grade level', { minLevel: 'Z' }, 'minLevel'],
    ['malformed birth month', { childBirthMonth: '2025-13' }, 'childBirthMonth'],
    ['birth month in the future', { childBirthMonth: '2099-01' }, 'childBirthMonth'],
    ['birth month too long ago', { childBirthMonth: '2001-01' }, 'childBirthMonth'],
    ['name search too long', { q: '托'.repeat(51) }, 'q'],
    ['boolean that is not one', { inclusive: 'maybe' }, 'inclusive'],
    ['budget of zero', { maxFee: 0 }, 'maxFee'],
    ['budget not in whole yuan', { maxFee: 12.5 }, 'maxFee'],
    ['absurd budget', { maxFee: 1000000 }, 'maxFee'],
    ['budget not a number', { maxFee: 'cheap' }, 'maxFee'],
  ]
  it.each(cases)('%s', async (_label, query, field) => {
    const { status, body } = await search(query as Record<string, string>)
    expect(status).toBe(400)
    expect(body.field).toBe(field)
    // People read the message; the developer's English names the input.
    expect(body.detail).toContain(field)
  })
})

describe('GET /api/institutions/:id', () => {
  async function detailOf(name: string, query = '') {
    const { body } = await search({ ...ORIGIN, q: name })
    const response = await app.inject({ method: 'GET', url: `/api/institutions/${body.items[0].id}${query}` })
    return { status: response.statusCode, body: response.json() as InstitutionDetail }
  }

  it('shows filing facts, services, classes against legal limits, staff, grades and committee', async () => {
    const { status, body } = await detailOf('红旗街', `?lat=${ORIGIN.lat}&lng=${ORIGIN.lng}`)
    expect(status).toBe(200)
    expect(body.creditCode).toBe(near.creditCode)
    expect(body).toMatchObject({
      registeringAuthority: 'civil_affairs',
      filedOn: '2023-03-15',
      filingAuthority: '长春市朝阳区卫生健康局',
      phone: '0431-88880000',
    })
    expect(body.distanceKm).toBeCloseTo(haversineKm(ORIGIN, near), 1)
    expect(body.services.map((s) => [s.form, s.hours, s.fee, s.feeUnit])).toEqual([
      ['full_day', '07:30-17:30', 2600, 'month'],
      ['hourly', '08:00-18:00', 40, 'hour'],
    ])
    // 乳儿班 pays more for 全日托; every other class pays the form's own fee.
    expect(body.services.map((s) => s.classFees)).toEqual([[{ classType: 'infant', amount: 3000 }], []])
    expect(body.feeItems).toEqual([
      { item: 'meals', amount: 18, unit: 'day', note: '按出勤天数收取' },
      { item: 'insurance', amount: 100, unit: 'year', note: '' },
    ])
    expect(body.classDetails[0]).toMatchObject({
      name: '乳儿班',
      capacity: 10,
      enrolled: 10,
      freePlaces: 0,
      caregivers: 4,
      childrenPerCaregiver: 2.5,
      legalMaxSize: 10,
      legalMaxChildrenPerCaregiver: 3,
      breaches: [],
    })
    expect(body.classDetails[1]).toMatchObject({ name: '托小班', childrenPerCaregiver: 5, legalMaxChildrenPerCaregiver: 5, breaches: [] })
    expect(body.staff).toEqual(expect.arrayContaining([{ role: 'care', count: 3 }]))
    expect(body.evaluations.map((e) => e.evaluatedOn)).toEqual(['2026-04-01', '2023-04-01'])
    expect(body.evaluations[0].dimensions).toHaveLength(7)
    expect(body.evaluations[0].dimensions.map((d) => d.name)).toContain('办托条件')
    expect(body.evaluations[0].dimensions.reduce((sum, d) => sum + d.score, 0)).toBe(800)
    expect(body.committee).toEqual({ establishedOn: '2024-09-01', membersInApp: 0, lastNoticeAt: null })
    expect(body.refundPolicy).toBe('未开始的月份全额退费')
    expect(body.staffUpdatedAt).toBe('2026-11-20T08:00:00.000Z')
  })

  it('flags a class that breaks the carer ratio and shows published sanctions', async () => {
    const { body } = await detailOf('南湖')
    expect(body.classDetails[0]).toMatchObject({ enrolled: 12, caregivers: 1, childrenPerCaregiver: 12, legalMaxChildrenPerCaregiver: 7, breaches: ['ratio'] })
    expect(body.breachesLimits).toBe(true)
    expect(body.sanctions).toEqual([{ kind: 'credit_warning', measure: '列入信用警示名单', department: '长春市市场监督管理局', decidedOn: '2026-02-10' }])
    expect(body.distanceKm).toBeNull()
    expect(body.committee.establishedOn).toBeNull()
  })

  it('shows how many committee members use the app, and when the committee last posted a visible notice', async () => {
    const { body: before } = await detailOf('南湖')
    const { db } = app.database
    const members = await Promise.all([1, 2, 3].map(() => signedInUser(app)))
    await grantRole(app, members[0].userId, { role: 'committee', institutionId: before.id })
    await grantRole(app, members[1].userId, { role: 'committee', institutionId: before.id })
    const notice = (postedAt: string, hidden: object = {}) => ({
      institutionId: before.id,
      authorUserId: members[0].userId,
      authorName: '家委会成员',
      category: 'notice' as const,
      title: '通知',
      body: '正文',
      pinned: false,
      postedAt,
      updatedAt: postedAt,
      ...hidden,
    })
    await db
      .insertInto('notices')
      .values([
        notice('2026-11-01T08:00:00.000Z'),
        notice('2026-11-10T08:00:00.000Z', { withdrawnAt: '2026-11-11T08:00:00.000Z' }),
        notice('2026-11-12T08:00:00.000Z', { expiresAt: '2026-11-13T08:00:00.000Z' }),
      ])
      .execute()
    expect((await detailOf('南湖')).body.committee).toEqual({
      establishedOn: null,
      membersInApp: 2,
      lastNoticeAt: '2026-11-01T08:00:00.000Z',
    })
    await grantRole(app, members[2].userId, { role: 'committee', institutionId: before.id })
    expect((await detailOf('南湖')).body.committee).toMatchObject({ establishedOn: null, membersInApp: 3 })
  })

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    const unknown = await app.inject({ method: 'GET', url: '/api/institutions/00000000-0000-4000-8000-000000000000' })
    expect(unknown.statusCode).toBe(404)
    const malformed = await app.inject({ method: 'GET', url: '/api/institutions/42' })
    expect(malformed.statusCode).toBe(400)
    expect(malformed.json().field).toBe('id')
  })
})

describe('GET /api/institutions/compare', () => {
  async function idsOf(...searchNames: string[]) {
    const { body } = await search(ORIGIN)
    return searchNames.map((n) => body.items.find((i: { name: string }) => i.name === n).id as string)
  }

  it('returns two to four institutions in the order asked, with distances', async () => {
    const ids = await idsOf('延吉示范托育园', '红旗街托育园', '南湖企业托育中心')
    const response = await app.inject({ method: 'GET', url: `/api/institutions/compare?ids=${ids.join(',')}&lat=${ORIGIN.lat}&lng=${ORIGIN.lng}` })
    expect(response.statusCode).toBe(200)
    const items = response.json().items as InstitutionDetail[]
    expect(items.map((i) => i.name)).toEqual(['延吉示范托育园', '红旗街托育园', '南湖企业托育中心'])
    expect(items[1].distanceKm).toBeCloseTo(haversineKm(ORIGIN, near), 1)
    expect(items[1].classDetails).toHaveLength(2)
  })

  it('rejects one id, five ids, duplicates and malformed ids; 404 for an unknown one', async () => {
    const [a, b] = await idsOf('红旗街托育园', '南湖企业托育中心')
    const status = async (ids: string) => {
      const r = await app.inject({ method: 'GET', url: `/api/institutions/compare?ids=${ids}` })
      return [r.statusCode, r.json().field]
    }
    expect(await status(a)).toEqual([400, 'ids'])
    expect(await status([a, b, a, b, a].join(','))).toEqual([400, 'ids'])
    expect(await status(`${a},${a}`)).toEqual([400, 'ids'])
    expect(await status(`${a},not-an-id`)).toEqual([400, 'ids'])
    expect((await status(`${a},00000000-0000-4000-8000-000000000000`))[0]).toBe(404)
  })

  it('states a committee established in 2022 with one member in the app and notices the same in detail, compare and its page', async () => {
    const [id, other] = await idsOf('延吉示范托育园', '红旗街托育园')
    const { db } = app.database
    await db.updateTable('institutions').set({ committeeEstablishedOn: '2022-03-15' }).where('id', '=', id).execute()
    const member = await signedInUser(app)
    await grantRole(app, member.userId, { role: 'committee', institutionId: id })
    const postedAt = '2026-11-20T02:00:00.000Z'
    await db
      .insertInto('notices')
      .values({
        institutionId: id,
        authorUserId: member.userId,
        authorName: '家委会成员',
        category: 'notice',
        title: '通知',
        body: '正文',
        pinned: false,
        postedAt,
        updatedAt: postedAt,
      })
      .execute()
    const established = { establishedOn: '2022-03-15', membersInApp: 1, lastNoticeAt: postedAt }

    const detail = (await app.inject({ method: 'GET', url: `/api/institutions/${id}` })).json() as InstitutionDetail
    const compared = (await app.inject({ method: 'GET', url: `/api/institutions/compare?ids=${other},${id}` })).json().items as InstitutionDetail[]
    const page = (await app.inject({ method: 'GET', url: `/api/institutions/${id}/committee` })).json()
    expect(detail.committee).toEqual(established)
    expect(compared[1].committee).toEqual(established)
    expect(page.committee).toEqual(established)
  })
})
