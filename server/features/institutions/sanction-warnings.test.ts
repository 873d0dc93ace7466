import dayjs from 'dayjs'
import { aRecord, YANBIAN } from '../../../test/support/institution-builder'
import { useTestApp } from '../../../test/support/test-app'
import { SANCTION_WARNING_YEARS, type CompareResponse, type InstitutionDetail, type InstitutionPage } from '../../../types/institutions'
import { chinaToday } from '../../shared/china-time'
import { upsertInstitutions } from './import/upsert'

// Reasons are free text written by the deciding department: they can name a teacher or a manager.
const REASONS = ['保育员王某某体罚幼儿', '园长李某某未按规定公示收费项目', '负责人赵某某消防通道堆放杂物', '张某某超额收托']

const today = dayjs(chinaToday())
const daysAgo = (days: number) => today.subtract(days, 'day').format('YYYY-MM-DD')
const yearsAgo = (years: number) => today.subtract(years, 'year').format('YYYY-MM-DD')

const { app, testDb } = useTestApp()

beforeAll(async () => {
  await upsertInstitutions(testDb.database.db, [
    aRecord({
      name: '警示托育园',
      sanctions: [
        { kind: 'sanction', measure: '警告并罚款5000元', reason: REASONS[0], department: '长春市朝阳区卫生健康局', decidedOn: daysAgo(400) },
        { kind: 'credit_warning', measure: '列入信用警示名单', reason: REASONS[1], department: '长春市市场监督管理局', decidedOn: daysAgo(30) },
      ],
    }),
    aRecord({
      name: '同日两项托育园',
      sanctions: [
        { kind: 'credit_warning', measure: '列入信用警示名单', reason: REASONS[2], department: '长春市市场监督管理局', decidedOn: daysAgo(10) },
        { kind: 'sanction', measure: '责令限期整改', reason: REASONS[2], department: '长春市朝阳区卫生健康局', decidedOn: daysAgo(10) },
      ],
    }),
    aRecord({
      name: '旧处罚托育园',
      ...YANBIAN,
      sanctions: [{ kind: 'sanction', measure: '警告', reason: REASONS[3], department: '延吉市卫生健康局', decidedOn: yearsAgo(SANCTION_WARNING_YEARS) }],
    }),
    aRecord({ name: '无处罚托育园' }),
  ])
})

async function get<T>(url: string) {
  const response = await app.inject({ method: 'GET', url: `/api${url}` })
  expect(response.statusCode).toBe(200)
  return { body: response.json() as T, text: response.body }
}
const list = () => get<InstitutionPage>('/institutions?q=托育园&sort=grade')
const idOf = async (name: string) => (await list()).body.items.find((i) => i.name === name)!.id
const warningsByName = (items: Array<{ name: string; warning: unknown }>) => Object.fromEntries(items.map((i) => [i.name, i.warning]))

describe('sanction reasons never leave the registry', () => {
  function expectNoReason(text: string) {
    for (const reason of REASONS) expect(text).not.toContain(reason)
    expect(text).not.toMatch(/某某|"reason"/)
  }

  it('in the list, the detail and compare', async () => {
    const ids = await Promise.all(['警示托育园', '同日两项托育园', '旧处罚托育园'].map(idOf))
    expectNoReason((await list()).text)
    expectNoReason((await get<InstitutionPage>('/institutions?lat=43.88&lng=125.32')).text)
    for (const id of ids) {
      const { body, text } = await get<InstitutionDetail>(`/institutions/${id}`)
      expect(body.sanctions.length).toBeGreaterThan(0)
      expectNoReason(text)
    }
    const compared = await get<CompareResponse>(`/institutions/compare?ids=${ids.join(',')}`)
    expect(compared.body.items.flatMap((i) => i.sanctions)).toHaveLength(5)
    expectNoReason(compared.text)
  })

  it('while the public 失信与处罚公示 lists the same decisions without them', async () => {
    const { body, text } = await get<{ total: number }>('/sanctions')
    expect(body.total).toBe(5)
    expectNoReason(text)
  })
})

describe('the warning on every card: the latest sanction or credit warning decided within the last years', () => {
  it('carries measure, department and date in the list, the newest one first, a 行政处罚 before a same-day 信用警示', async () => {
    const { body } = await list()
    expect(warningsByName(body.items)).toEqual({
      警示托育园: { kind: 'credit_warning', measure: '列入信用警示名单', department: '长春市市场监督管理局', decidedOn: daysAgo(30) },
      同日两项托育园: { kind: 'sanction', measure: '责令限期整改', department: '长春市朝阳区卫生健康局', decidedOn: daysAgo(10) },
      // Decided SANCTION_WARNING_YEARS ago to the day: still listed on its page and in 失信与处罚公示, no longer a warning.
      旧处罚托育园: null,
      无处罚托育园: null,
    })
  })

  it('is the same in the nearest-first list, the detail and compare', async () => {
    const { body: listed } = await list()
    const nearest = await get<InstitutionPage>('/institutions?lat=43.88&lng=125.32')
    expect(warningsByName(nearest.body.items)).toEqual(warningsByName(listed.items))
    const ids = listed.items.map((i) => i.id)
    const compared = await get<CompareResponse>(`/institutions/compare?ids=${ids.join(',')}`)
    expect(warningsByName(compared.body.items)).toEqual(warningsByName(listed.items))
    const old = await get<InstitutionDetail>(`/institutions/${await idOf('旧处罚托育园')}`)
    expect(old.body.warning).toBeNull()
    expect(old.body.sanctions).toEqual([{ kind: 'sanction', measure: '警告', department: '延吉市卫生健康局', decidedOn: yearsAgo(SANCTION_WARNING_YEARS) }])
  })

  it('costs the same number of queries for a page of one as for a page of four (no query per institution)', async () => {
    const executor = testDb.database.db.getExecutor()
    const spy = jest.spyOn(executor, 'executeQuery')
    const queriesFor = async (pageSize: number) => {
      spy.mockClear()
      const { body } = await get<InstitutionPage>(`/institutions?q=托育园&sort=grade&pageSize=${pageSize}`)
      expect(body.items).toHaveLength(pageSize)
      return spy.mock.calls.length
    }
    try {
      const one = await queriesFor(1)
      expect(one).toBeGreaterThan(0)
      expect(await queriesFor(4)).toBe(one)
    } finally {
      spy.mockRestore()
    }
  })
})
