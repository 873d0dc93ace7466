import { aRecord, YANBIAN } from '../../../test/support/institution-builder'
import { seedRecords } from '../../../test/support/seed-registry'
import { signedInRegulator, signedInUser, useTestApp } from '../../../test/support/test-app'
import type { PrepaymentFactsInput, PrepaymentRuleInput } from '../../../types/prepayments'
import { chinaToday } from '../../shared/china-time'

const { app } = useTestApp()

const PROVINCE_RULE: PrepaymentRuleInput = {
  maxMonths: 3,
  escrowAboveYuan: 5000,
  ruleText: '预收费周期不得超过3个月，预收超过5000元的须存入银行监管账户。',
  sourceDocument: '吉林省托育机构预收费管理办法（测试）',
  sourcePublishedOn: '2025-06-01',
}
const SUPERVISED: PrepaymentFactsInput = { longestPrepaymentMonths: 3, escrowBank: '吉林银行', modelContract: true }

let ids: Record<'changchun' | 'yanji' | 'hourly', string>
let province: Awaited<ReturnType<typeof signedInRegulator>>
let changchun: Awaited<ReturnType<typeof signedInRegulator>>
let yanbian: Awaited<ReturnType<typeof signedInRegulator>>

const status = (id: string) => app.inject({ method: 'GET', url: `/api/institutions/${id}/prepayment` })
const record = (headers: Record<string, string> | undefined, id: string, payload: object) =>
  app.inject({ method: 'PUT', url: `/api/admin/institutions/${id}/prepayment`, headers, payload })
const setRule = (headers: Record<string, string> | undefined, regionCode: string, payload: object) =>
  app.inject({ method: 'PUT', url: `/api/admin/prepayment-rules/${regionCode}`, headers, payload })

beforeAll(async () => {
  ids = await seedRecords(app, {
    changchun: aRecord({ name: '安心托育园' }),
    yanji: aRecord({ name: '延吉托育园', ...YANBIAN }),
    hourly: aRecord({ name: '计时托育点', services: [{ form: 'hourly', hours: '09:00-17:00', days: '周一至周日', fee: 40, feeUnit: 'hour' }] }),
  })
  province = await signedInRegulator(app, '220000')
  changchun = await signedInRegulator(app, '220100')
  yanbian = await signedInRegulator(app, '222400')
})

describe('GET /api/institutions/:id/prepayment', () => {
  it('says 未见监管信息 before anything is recorded, with the institution’s own refund words', async () => {
    const response = await status(ids.changchun)
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({
      institutionId: ids.changchun,
      badge: 'no_information',
      reasons: ['监管部门尚未登记该机构的预收费情况。'],
      facts: null,
      rule: null,
      refundPolicy: '未开始的月份全额退费',
      prepaymentTerms: '按月缴费，不收年费',
      monthlyFeeYuan: 2000,
    })
  })

  it('answers 404 for an unknown institution and 400 for a malformed id', async () => {
    expect((await status('00000000-0000-4000-8000-000000000000')).statusCode).toBe(404)
    expect((await status('not-an-id')).json()).toMatchObject({ statusCode: 400, field: 'id' })
  })
})

describe('rules and records kept by regulators', () => {
  beforeAll(async () => {
    const saved = await setRule(province.headers, '220000', PROVINCE_RULE)
    expect(saved.statusCode).toBe(200)
  })

  it('shows a supervised institution as 受监管, quoting the province rule with its date', async () => {
    const response = await record(changchun.headers, ids.changchun, SUPERVISED)
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({
      badge: 'supervised',
      reasons: [`预收费存入吉林银行的监管账户，监管部门核实于${chinaToday()}。`],
      facts: { longestPrepaymentMonths: 3, escrowBank: '吉林银行', modelContract: true, checkedOn: chinaToday() },
      rule: { regionCode: '220000', regionName: '吉林省', maxMonths: 3, ruleText: PROVINCE_RULE.ruleText, checkedOn: chinaToday(), isDemo: false },
    })
  })

  it('flags 违规预收 when a 市州’s own stricter rule is exceeded there, and only there', async () => {
    await record(yanbian.headers, ids.yanji, SUPERVISED)
    expect((await status(ids.yanji)).json().badge).toBe('supervised')

    const own = await setRule(yanbian.headers, '222400', { ...PROVINCE_RULE, maxMonths: 2, ruleText: '延边州：预收费不得超过2个月。' })
    expect(own.statusCode).toBe(200)
    const yanji = (await status(ids.yanji)).json()
    expect(yanji).toMatchObject({
      badge: 'breach',
      reasons: ['预收3个月的费用，超过规定的最长2个月。'],
      rule: { regionCode: '222400', regionName: '延边朝鲜族自治州' },
    })
    expect((await status(ids.changchun)).json().badge).toBe('supervised')
  })

  it('flags 违规预收 for money above the escrow threshold without a supervised account', async () => {
    const response = await record(changchun.headers, ids.changchun, { ...SUPERVISED, escrowBank: null })
    expect(response.json()).toMatchObject({ badge: 'breach', reasons: ['最多预收约6,000元，超过5,000元须存入监管账户，但未见资金监管。'] })
  })

  it('works out no amount for an institution without a monthly fee', async () => {
    await record(changchun.headers, ids.hourly, { ...SUPERVISED, escrowBank: null })
    expect((await status(ids.hourly)).json()).toMatchObject({ badge: 'no_information', monthlyFeeYuan: null })
  })

  it('keeps each regulator to its own 市州 and the province rule to the province', async () => {
    expect((await record(changchun.headers, ids.yanji, SUPERVISED)).statusCode).toBe(403)
    expect((await setRule(changchun.headers, '220000', PROVINCE_RULE)).statusCode).toBe(403)
    expect((await setRule(changchun.headers, '222400', PROVINCE_RULE)).statusCode).toBe(403)
    const parent = await signedInUser(app)
    expect((await record(parent.headers, ids.changchun, SUPERVISED)).statusCode).toBe(403)
    expect((await record(undefined, ids.changchun, SUPERVISED)).statusCode).toBe(401)
    // The province may record anywhere.
    expect((await record(province.headers, ids.yanji, SUPERVISED)).statusCode).toBe(200)
  })

  it('refuses bad input with a 400 naming the field', async () => {
    const cases: Array<[string, object, string]> = [
      ['facts', { ...SUPERVISED, longestPrepaymentMonths: 37 }, 'longestPrepaymentMonths'],
      ['facts', { ...SUPERVISED, escrowBank: ' ' }, 'escrowBank'],
      ['rule', { ...PROVINCE_RULE, maxMonths: 0 }, 'maxMonths'],
      ['rule', { ...PROVINCE_RULE, sourcePublishedOn: '2099-01-01' }, 'sourcePublishedOn'],
      ['rule-region', PROVINCE_RULE, 'regionCode'],
    ]
    for (const [kind, payload, field] of cases) {
      const response =
        kind === 'facts'
          ? await record(province.headers, ids.changchun, payload)
          : await setRule(province.headers, kind === 'rule-region' ? '229999' : '220000', payload)
      expect({ field, status: response.statusCode, answer: response.json().field }).toEqual({ field, status: 400, answer: field })
    }
  })

  it('keeps every accepted rule and record', async () => {
    const versions = await app.database.db.selectFrom('prepaymentVersions').select(['kind', 'subject']).where('subject', '=', ids.changchun).execute()
    expect(versions.length).toBeGreaterThanOrEqual(2)
    const rules = await app.database.db.selectFrom('prepaymentVersions').select('subject').where('kind', '=', 'rule').execute()
    expect(rules.map((r) => r.subject).sort()).toEqual(['220000', '222400'])
  })

  it('lists the rules for regulators, the province first', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/admin/prepayment-rules', headers: changchun.headers })
    expect(response.json().items.map((r: { regionCode: string }) => r.regionCode)).toEqual(['220000', '222400'])
  })
})
