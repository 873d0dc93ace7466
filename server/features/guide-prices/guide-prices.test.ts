import { aRecord, YANBIAN } from '../../../test/support/institution-builder'
import { seedRecords } from '../../../test/support/seed-registry'
import { signedInRegulator, signedInUser, useTestApp } from '../../../test/support/test-app'
import type { GuidePrice, GuidePriceInput, InstitutionPriceCheck } from '../../../types/guide-prices'
import { chinaToday } from '../../shared/china-time'

const { app } = useTestApp()

const CAP: GuidePriceInput = {
  cityCode: '220100',
  scope: 'inclusive',
  classType: 'toddler',
  form: 'full_day',
  capYuan: 2200,
  sourceDocument: '长春市普惠托育服务价格指导意见（测试）',
  validFrom: '2025-01-01',
  validTo: null,
}
const CLASSES = [
  { type: 'infant' as const, name: '乳儿班', minAgeMonths: 6, maxAgeMonths: 12, capacity: 8, enrolled: 6, caregivers: 3 },
  { type: 'toddler' as const, name: '托小班', minAgeMonths: 12, maxAgeMonths: 24, capacity: 15, enrolled: 10, caregivers: 3 },
]

let ids: Record<'within' | 'over' | 'private' | 'yanji', string>
let province: Awaited<ReturnType<typeof signedInRegulator>>
let changchun: Awaited<ReturnType<typeof signedInRegulator>>

const post = (headers: Record<string, string> | undefined, payload: object) => app.inject({ method: 'POST', url: '/api/admin/guide-prices', headers, payload })
const check = async (id: string) => (await app.inject(`/api/institutions/${id}/price-check`)).json() as InstitutionPriceCheck

beforeAll(async () => {
  ids = await seedRecords(app, {
    within: aRecord({ name: '普惠甲园', inclusive: true, classes: CLASSES }),
    // 托小班 pays the form's 2,500; 乳儿班 its own 3,000.
    over: aRecord({
      name: '普惠乙园',
      inclusive: true,
      classes: CLASSES,
      services: [{ form: 'full_day', hours: '07:30-17:30', days: '周一至周五', fee: 2500, feeUnit: 'month' }],
      classFees: [{ form: 'full_day', classType: 'infant', amount: 3000 }],
    }),
    private: aRecord({
      name: '民办营利园',
      profit: 'forprofit',
      services: [{ form: 'full_day', hours: '07:30-17:30', days: '周一至周五', fee: 5000, feeUnit: 'month' }],
    }),
    yanji: aRecord({
      name: '延吉普惠园',
      ...YANBIAN,
      inclusive: true,
      services: [{ form: 'full_day', hours: '07:30-17:30', days: '周一至周五', fee: 9000, feeUnit: 'month' }],
    }),
  })
  province = await signedInRegulator(app, '220000')
  changchun = await signedInRegulator(app, '220100')
  for (const cap of [CAP, { ...CAP, classType: 'infant' as const, capYuan: 2800 }]) expect((await post(changchun.headers, cap)).statusCode).toBe(201)
})

describe('a 普惠 institution against the caps of its 市州', () => {
  it('is within its cap when its fee is at or below it', async () => {
    const within = await check(ids.within)
    expect(within).toMatchObject({ capped: true, overCap: false })
    expect(within.checks.map((c) => [c.classType, c.feeYuan, c.guidePrice.capYuan, c.over])).toEqual([
      ['infant', 2000, 2800, false],
      ['toddler', 2000, 2200, false],
    ])
  })

  it('is flagged above its cap, by class: a class’s own fee or the form’s', async () => {
    const over = await check(ids.over)
    expect(over.overCap).toBe(true)
    expect(over.checks.map((c) => [c.classType, c.feeYuan, c.over, c.overByYuan])).toEqual([
      ['infant', 3000, true, 200],
      ['toddler', 2500, true, 300],
    ])
    expect(over.checks[0].guidePrice).toMatchObject({ sourceDocument: CAP.sourceDocument, cityName: '长春市', checkedOn: chinaToday() })
  })

  it('is not capped when it is neither 普惠 nor public', async () => {
    expect(await check(ids.private)).toEqual({ institutionId: ids.private, capped: false, checks: [], overCap: false })
  })

  it('is not judged by another 市州’s caps', async () => {
    expect(await check(ids.yanji)).toMatchObject({ capped: true, checks: [], overCap: false })
  })

  it('is judged only by a cap in force today', async () => {
    const expired = await post(province.headers, { ...CAP, cityCode: '222400', validFrom: '2020-01-01', validTo: '2021-12-31', capYuan: 1000 })
    expect(expired.statusCode).toBe(201)
    expect((await check(ids.yanji)).checks).toEqual([])
  })
})

describe('for regulators', () => {
  it('lists the institutions above a cap in their area, with the fees that are', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/admin/guide-prices/over-cap', headers: changchun.headers })
    expect(response.statusCode).toBe(200)
    const items = response.json().items
    expect(items.map((i: { name: string }) => i.name)).toEqual(['普惠乙园'])
    expect(items[0].checks).toHaveLength(2)
  })

  it('keeps a 市州 regulator to its own 市州, refuses overlapping caps and bad input, naming the field', async () => {
    expect((await post(changchun.headers, { ...CAP, cityCode: '222400' })).statusCode).toBe(403)
    const parent = await signedInUser(app)
    expect((await post(parent.headers, CAP)).statusCode).toBe(403)

    const overlap = await post(changchun.headers, { ...CAP, validFrom: '2026-01-01' })
    expect(overlap.statusCode).toBe(409)
    expect(overlap.json().field).toBe('validFrom')

    for (const [payload, field] of [
      [{ ...CAP, validTo: '2024-01-01' }, 'validTo'],
      [{ ...CAP, cityCode: '229999' }, 'cityCode'],
      [{ ...CAP, capYuan: 0 }, 'capYuan'],
      [{ ...CAP, form: 'hourly' }, 'form'],
    ] as const) {
      const response = await post(changchun.headers, payload)
      expect({ field, status: response.statusCode, answer: response.json().field }).toEqual({ field, status: 400, answer: field })
    }
  })

  it('lets a regulator correct a cap, keeping every version, and parents see the new figure', async () => {
    const prices = (await app.inject('/api/guide-prices?cityCode=220100')).json().items as GuidePrice[]
    const toddler = prices.find((p) => p.classType === 'toddler')!
    const response = await app.inject({
      method: 'PUT',
      url: `/api/admin/guide-prices/${toddler.id}`,
      headers: changchun.headers,
      payload: { ...CAP, capYuan: 2600 },
    })
    expect(response.statusCode).toBe(200)
    expect((await check(ids.over)).checks.find((c) => c.classType === 'toddler')).toMatchObject({ over: false, overByYuan: 0 })
    const versions = await app.database.db.selectFrom('guidePriceVersions').select('content').where('guidePriceId', '=', toddler.id).orderBy('id').execute()
    expect(versions.map((v) => (v.content as { capYuan: number }).capYuan)).toEqual([2200, 2600])
  })
})
