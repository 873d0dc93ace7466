import { acceptConsents, addChild } from '../../../test/support/children'
import { aRecord } from '../../../test/support/institution-builder'
import { seedRecords } from '../../../test/support/seed-registry'
import { signedInRegulator, signedInUser, useTestApp } from '../../../test/support/test-app'
import type { SubsidyProgramme, SubsidyProgrammeInput } from '../../../types/subsidies'
import { chinaToday } from '../../shared/china-time'
import { monthIndex, monthText } from './entitlement-rules'

const { app } = useTestApp()

const THIS_MONTH = chinaToday().slice(0, 7)
const monthsAgo = (months: number) => monthText(monthIndex(THIS_MONTH) - months)
const CHANGCHUN = '220100'
const YANBIAN = '222400'

function aProgramme(overrides: Partial<SubsidyProgrammeInput> = {}): SubsidyProgrammeInput {
  return {
    name: '长春市托育补贴',
    level: 'city',
    cityCode: CHANGCHUN,
    amountPerMonthYuan: 100,
    fromMonth: monthsAgo(6),
    toMonth: null,
    ageFromMonths: 0,
    ageToMonths: 36,
    eligibility: '长春市户籍的3周岁以下婴幼儿',
    documents: ['出生医学证明', '户口簿'],
    howToApply: '到户籍所在街道申请',
    paymentNote: '按季度发放。',
    officialUrl: 'https://wsjkw.changchun.gov.cn/',
    renewYearly: false,
    sourceDocument: '长春市托育补贴办法',
    sourcePublishedOn: '2025-03-01',
    checkedOn: '2025-03-01',
    ...overrides,
  }
}

const post = (headers: Record<string, string> | undefined, payload: object) =>
  app.inject({ method: 'POST', url: '/api/admin/subsidies/programmes', headers, payload })
const put = (headers: Record<string, string> | undefined, id: string, payload: object) =>
  app.inject({ method: 'PUT', url: `/api/admin/subsidies/programmes/${id}`, headers, payload })
const get = (url: string, headers?: Record<string, string>) => app.inject({ method: 'GET', url, headers })

let province: Awaited<ReturnType<typeof signedInRegulator>>
let changchun: Awaited<ReturnType<typeof signedInRegulator>>
let national: SubsidyProgramme

beforeAll(async () => {
  province = await signedInRegulator(app, '220000')
  changchun = await signedInRegulator(app, CHANGCHUN)
  national = (await get('/api/subsidies/programmes')).json().items.find((p: SubsidyProgramme) => p.level === 'national')
})

describe('the national subsidy, as shipped', () => {
  it('is listed with its amount, ages, where to apply and the document it comes from', () => {
    expect(national).toMatchObject({
      name: '国家育儿补贴',
      level: 'national',
      cityCode: null,
      amountPerMonthYuan: 300,
      fromMonth: '2025-01',
      toMonth: null,
      ageFromMonths: 0,
      ageToMonths: 36,
      renewYearly: true,
      officialUrl: 'https://www.gjzwfw.gov.cn/',
      sourcePublishedOn: '2025-07-28',
      checkedOn: '2025-07-28',
    })
    expect(national.documents).toContain('婴幼儿出生医学证明')
    expect(national.sourceDocument).toContain('育儿补贴制度实施方案')
  })

  it('gives a 14-month-old 300 yuan this month and 22 more months of it, with the rules stated', async () => {
    const response = await get(`/api/subsidies/estimate?birthMonth=${monthsAgo(14)}`)
    expect(response.statusCode).toBe(200)
    const estimate = response.json()
    expect(estimate).toMatchObject({
      birthMonth: monthsAgo(14),
      asOfMonth: THIS_MONTH,
      turnsThreeMonth: monthText(monthIndex(THIS_MONTH) + 22),
      thisMonthYuan: 300,
      leftYuan: 22 * 300,
    })
    expect(estimate.entitlements).toHaveLength(1)
    expect(estimate.entitlements[0]).toMatchObject({ state: 'paying', monthsLeft: 22, leftYuan: 6600, programme: { name: '国家育儿补贴' } })
    expect(estimate.assumptions.join('\n')).toContain('截至2025-07-28')
    expect(estimate.assumptions).toContain('未选择所在市州：只计国家和全省的补贴，不含市州的补贴。')
  })
})

describe('GET /api/subsidies/estimate', () => {
  it('refuses a malformed birth month, one too far ahead and an unknown 市州, naming the field', async () => {
    const malformed = await get('/api/subsidies/estimate?birthMonth=2025-13')
    expect(malformed.statusCode).toBe(400)
    expect(malformed.json()).toMatchObject({ code: 'validation', field: 'birthMonth' })

    const tooFar = await get(`/api/subsidies/estimate?birthMonth=${monthText(monthIndex(THIS_MONTH) + 11)}`)
    expect(tooFar.statusCode).toBe(400)
    expect(tooFar.json()).toMatchObject({ code: 'invalid_value', field: 'birthMonth' })

    const city = await get(`/api/subsidies/estimate?birthMonth=${monthsAgo(3)}&cityCode=229999`)
    expect(city.statusCode).toBe(400)
    expect(city.json()).toMatchObject({ field: 'cityCode' })
  })

  it('shows an expecting parent everything still to come', async () => {
    const estimate = (await get(`/api/subsidies/estimate?birthMonth=${monthText(monthIndex(THIS_MONTH) + 4)}`)).json()
    expect(estimate).toMatchObject({ thisMonthYuan: 0, leftYuan: 36 * 300 })
    expect(estimate.entitlements[0].state).toBe('upcoming')
  })
})

describe('programmes kept by regulators', () => {
  let topUp: SubsidyProgramme

  beforeAll(async () => {
    const response = await post(changchun.headers, aProgramme())
    expect(response.statusCode).toBe(201)
    topUp = response.json()
  })

  it('lets a 市州 regulator add its own top-up, which then counts for children in that 市州 only', async () => {
    expect(topUp).toMatchObject({ name: '长春市托育补贴', level: 'city', cityCode: CHANGCHUN, cityName: '长春市', amountPerMonthYuan: 100 })

    const inChangchun = (await get(`/api/subsidies/estimate?birthMonth=${monthsAgo(14)}&cityCode=${CHANGCHUN}`)).json()
    expect(inChangchun.thisMonthYuan).toBe(400)
    expect(inChangchun.entitlements.map((e: { programme: SubsidyProgramme }) => e.programme.name)).toEqual(['国家育儿补贴', '长春市托育补贴'])
    const inYanbian = (await get(`/api/subsidies/estimate?birthMonth=${monthsAgo(14)}&cityCode=${YANBIAN}`)).json()
    expect(inYanbian.thisMonthYuan).toBe(300)

    const listed = (await get(`/api/subsidies/programmes?cityCode=${YANBIAN}`)).json().items.map((p: SubsidyProgramme) => p.name)
    expect(listed).not.toContain('长春市托育补贴')
  })

  it("keeps each regulator to its own: a 市州 cannot add another's or a national programme, nor edit the national one", async () => {
    const other = await post(changchun.headers, aProgramme({ cityCode: YANBIAN }))
    expect(other.statusCode).toBe(403)
    const nationalByCity = await post(changchun.headers, aProgramme({ level: 'national', cityCode: null }))
    expect(nationalByCity.statusCode).toBe(403)
    const edit = await put(changchun.headers, national.id, { ...aProgramme({ level: 'national', cityCode: null }), name: '改名' })
    expect(edit.statusCode).toBe(403)

    const parent = await signedInUser(app)
    expect((await post(parent.headers, aProgramme())).statusCode).toBe(403)
    expect((await post(undefined, aProgramme())).statusCode).toBe(401)

    const kept = (await get('/api/admin/subsidies/programmes', changchun.headers)).json().items.map((p: SubsidyProgramme) => p.name)
    expect(kept).toEqual(['长春市托育补贴'])
    const keptByProvince = (await get('/api/admin/subsidies/programmes', province.headers)).json().items.map((p: SubsidyProgramme) => p.name)
    expect(keptByProvince).toEqual(expect.arrayContaining(['国家育儿补贴', '长春市托育补贴']))
  })

  it('lets the province correct the national programme, keeping every accepted version', async () => {
    const { id: _id, cityName: _cityName, ...fields } = national
    const corrected = await put(province.headers, national.id, { ...fields, checkedOn: chinaToday(), paymentNote: '按年申领、按年发放。' })
    expect(corrected.statusCode).toBe(200)
    expect(corrected.json()).toMatchObject({ checkedOn: chinaToday(), paymentNote: '按年申领、按年发放。', amountPerMonthYuan: 300 })

    const versions = await app.database.db.selectFrom('subsidyProgrammeVersions').select('content').where('programmeId', '=', national.id).execute()
    expect(versions.map((v) => (v.content as { paymentNote: string }).paymentNote)).toEqual(['按年申领、按年发放。'])
    const topUpVersions = await app.database.db.selectFrom('subsidyProgrammeVersions').select('content').where('programmeId', '=', topUp.id).execute()
    expect(topUpVersions).toHaveLength(1)
  })

  it('refuses inconsistent programmes with a 400 naming the field', async () => {
    const cases: Array<[Partial<SubsidyProgrammeInput>, string]> = [
      [{ cityCode: null }, 'cityCode'],
      [{ level: 'province', cityCode: CHANGCHUN }, 'cityCode'],
      [{ fromMonth: '2026-06', toMonth: '2026-05' }, 'toMonth'],
      [{ ageFromMonths: 24, ageToMonths: 12 }, 'ageToMonths'],
      [{ officialUrl: null }, 'officialUrl'],
      [{ miniProgramPath: 'pages/apply/index' }, 'miniProgramPath'],
      [{ checkedOn: '2099-01-01' }, 'checkedOn'],
      [{ name: '  ' }, 'name'],
      [{ amountPerMonthYuan: 0 }, 'amountPerMonthYuan'],
      [{ officialUrl: 'http://insecure.example' }, 'officialUrl'],
    ]
    for (const [overrides, field] of cases) {
      const response = await post(changchun.headers, aProgramme(overrides))
      expect({ field, status: response.statusCode, answer: response.json().field }).toEqual({ field, status: 400, answer: field })
    }
  })

  it('answers 404 for a programme that does not exist', async () => {
    const response = await put(province.headers, '00000000-0000-4000-8000-000000000000', aProgramme())
    expect(response.statusCode).toBe(404)
  })
})

describe('GET /api/me/subsidies', () => {
  it("gives each of the parent's children its own estimate", async () => {
    const parent = await signedInUser(app)
    await acceptConsents(app, parent.headers)
    expect((await addChild(app, parent.headers, { nickname: '小满', birthMonth: monthsAgo(14) })).statusCode).toBe(201)
    expect((await addChild(app, parent.headers, { nickname: '豆豆', birthMonth: monthsAgo(40) })).statusCode).toBe(201)

    const response = await get('/api/me/subsidies', parent.headers)
    expect(response.statusCode).toBe(200)
    const items = response.json().items
    expect(items.map((c: { nickname: string }) => c.nickname)).toEqual(['小满', '豆豆'])
    expect(items[0].estimate).toMatchObject({ thisMonthYuan: 300, leftYuan: 6600 })
    expect(items[1].estimate).toMatchObject({ thisMonthYuan: 0, leftYuan: 0 })
  })

  it('needs a sign-in', async () => {
    expect((await get('/api/me/subsidies')).statusCode).toBe(401)
  })
})

describe('GET /api/institutions/:id/net-cost', () => {
  let id: string

  beforeAll(async () => {
    ;({ id } = await seedRecords(app, {
      id: aRecord({
        name: '算账托育园',
        classes: [
          { type: 'infant', name: '乳儿班', minAgeMonths: 6, maxAgeMonths: 12, capacity: 8, enrolled: 4, caregivers: 3 },
          { type: 'toddler', name: '托小班', minAgeMonths: 12, maxAgeMonths: 24, capacity: 15, enrolled: 10, caregivers: 3 },
          { type: 'senior', name: '托大班', minAgeMonths: 24, maxAgeMonths: 36, capacity: 20, enrolled: 10, caregivers: 3 },
        ],
        classFees: [{ form: 'full_day', classType: 'infant', amount: 2600 }],
        feeItems: [
          { item: 'meals', amount: 15, unit: 'day', note: '' },
          { item: 'bedding', amount: 200, unit: 'once', note: '' },
        ],
      }),
    }))
  })

  const netCost = (query: string) => app.inject(`/api/institutions/${id}/net-cost?${query}`)

  it('gives a 14-month-old’s parent the month-by-month cost in 托小班 after the subsidy, with every rule stated', async () => {
    const response = await netCost(`birthMonth=${monthsAgo(14)}&form=full_day`)
    expect(response.statusCode).toBe(200)
    const body = response.json()
    // 2,000 (the form's fee) + 15 × 22 meals − 300 national − 100 长春 (the top-up added above: the institution is in 长春).
    expect(body.firstMonth).toEqual({
      month: THIS_MONTH,
      ageMonths: 14,
      classType: 'toddler',
      className: '托小班',
      feeYuan: 2000,
      mealsYuan: 330,
      subsidyYuan: 400,
      netYuan: 1930,
    })
    expect(body.months).toHaveLength(22)
    expect(body.assumptions).toContain('床品费不按月收取，未计入每月费用。')
    expect(body.assumptions.join('\n')).toContain('国家育儿补贴')
    expect(body.assumptions.join('\n')).toContain('长春市托育补贴')
  })

  it('charges a baby the 乳儿班’s own fee, and has no figure for a form the institution does not run', async () => {
    const baby = (await netCost(`birthMonth=${monthsAgo(7)}&form=full_day`)).json()
    expect(baby.firstMonth).toMatchObject({ className: '乳儿班', feeYuan: 2600, netYuan: 2600 + 330 - 400 })
    const halfDay = (await netCost(`birthMonth=${monthsAgo(14)}&form=half_day`)).json()
    expect(halfDay.firstMonth).toBeNull()
  })

  it('refuses an hourly form, a malformed or far-off birth month, and answers 404 for an unknown institution', async () => {
    expect((await netCost(`birthMonth=${monthsAgo(14)}&form=hourly`)).json()).toMatchObject({ statusCode: 400, field: 'form' })
    expect((await netCost('birthMonth=2025-1&form=full_day')).json()).toMatchObject({ statusCode: 400, field: 'birthMonth' })
    expect((await netCost(`birthMonth=${monthText(monthIndex(THIS_MONTH) + 12)}&form=full_day`)).json()).toMatchObject({ statusCode: 400, field: 'birthMonth' })
    const unknown = await app.inject(`/api/institutions/00000000-0000-4000-8000-000000000000/net-cost?birthMonth=${monthsAgo(14)}&form=full_day`)
    expect(unknown.statusCode).toBe(404)
  })
})
