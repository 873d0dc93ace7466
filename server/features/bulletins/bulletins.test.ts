import { aRecord, anEvaluation, YANBIAN } from '../../../test/support/institution-builder'
import { seedRecords } from '../../../test/support/seed-registry'
import type { Bulletin, BulletinEntry, BulletinSummary } from '../../../types/bulletins'
import { chinaToday } from '../../shared/china-time'
import { aBulletin, publish, published } from './test-fixtures'
import { signedInRegulator, signedInUser, useTestApp } from '../../../test/support/test-app'

const R2026 = '2026年第一批'
const R2025 = '2025年第一批'

const { app } = useTestApp()
let ids: Awaited<ReturnType<typeof seed>>
let province: Awaited<ReturnType<typeof signedInRegulator>>

function seed() {
  return seedRecords(app, {
    up: aRecord({ name: '安心托育园', evaluations: [anEvaluation(R2026, '2026-05-12', 'A'), anEvaluation(R2025, '2025-05-20', 'B')] }),
    first: aRecord({ name: '白鹭托育园', evaluations: [anEvaluation(R2026, '2026-05-20', 'A')] }),
    down: aRecord({ name: '春苗托育园', evaluations: [anEvaluation(R2026, '2026-06-02', 'C'), anEvaluation(R2025, '2025-05-21', 'B')] }),
    // The previous evaluation is the latest earlier one (2025), not the first one (2023).
    same: aRecord({
      name: '朝阳托育园',
      evaluations: [
        anEvaluation(R2026, '2026-06-25', 'B'),
        anEvaluation(R2025, '2025-06-01', 'B'),
        anEvaluation('2023年第一批', '2023-05-01', 'D', '2025-04-30'),
      ],
    }),
    yanji: aRecord({ name: '延吉托育园', ...YANBIAN, evaluations: [anEvaluation(R2026, '2026-06-10', 'B')] }),
    only2025: aRecord({ name: '德惠托育园', evaluations: [anEvaluation(R2025, '2025-06-03', 'C')] }),
    never: aRecord({ name: '未评级托育园' }),
  })
}

beforeAll(async () => {
  ids = await seed()
  province = await signedInRegulator(app, '220000')
})

const get = (url: string) => app.inject({ method: 'GET', url })
const summary = (entry: BulletinEntry) => [entry.institutionName, entry.level, entry.previousLevel, entry.change]

describe('POST /api/admin/bulletins', () => {
  let provinceWide: Bulletin

  beforeAll(async () => {
    provinceWide = await published(app, province.headers, aBulletin())
  })

  it('publishes a round province-wide: every evaluated institution, best level first then by name, with its change', () => {
    expect(provinceWide).toMatchObject({
      round: R2026,
      title: '吉林省托育机构等级评价结果公示（2026年第一批）',
      department: '吉林省卫生健康委员会',
      cityCode: null,
      cityName: null,
      publishedOn: '2026-07-10',
      intro: '现予公示。',
      institutionCount: 5,
    })
    expect(provinceWide.entries.map(summary)).toEqual([
      ['安心托育园', 'A', 'B', 'up'],
      ['白鹭托育园', 'A', null, 'new'],
      ['朝阳托育园', 'B', 'B', 'same'],
      ['延吉托育园', 'B', null, 'new'],
      ['春苗托育园', 'C', 'B', 'down'],
    ])
    expect(provinceWide.entries[0]).toEqual({
      institutionId: ids.up,
      institutionName: '安心托育园',
      cityName: '长春市',
      districtName: '朝阳区',
      level: 'A',
      levelLabel: 'A级（优秀）',
      score: 920,
      evaluatedOn: '2026-05-12',
      validUntil: '2099-12-31',
      previousLevel: 'B',
      previousLevelLabel: 'B级（良好）',
      change: 'up',
    })
  })

  it('links each entry to the institution page by its id', async () => {
    for (const entry of provinceWide.entries) {
      const page = await get(`/api/institutions/${entry.institutionId}`)
      expect(page.statusCode).toBe(200)
      expect(page.json().name).toBe(entry.institutionName)
    }
  })

  it('publishes for one 市州 only its institutions; a 市州 regulator may publish for its own 市州', async () => {
    const yanbian = await signedInRegulator(app, '222400')
    const bulletin = await published(
      app,
      yanbian.headers,
      aBulletin({ cityCode: '222400', title: '延边州托育机构等级评价结果公示', department: '延边州卫生健康委员会', publishedOn: '2026-07-15' }),
    )
    expect(bulletin).toMatchObject({ cityCode: '222400', cityName: '延边朝鲜族自治州', institutionCount: 1 })
    expect(bulletin.entries.map(summary)).toEqual([['延吉托育园', 'B', null, 'new']])
  })

  it('refuses a second bulletin for the same round and scope (409), also when two arrive at once', async () => {
    const again = await publish(app, province.headers, aBulletin({ title: '重复的公示' }))
    expect(again.statusCode).toBe(409)
    expect(again.json().field).toBe('round')
    const changchun = await signedInRegulator(app, '220100')
    const racing = await Promise.all([1, 2, 3].map(() => publish(app, changchun.headers, aBulletin({ cityCode: '220100', title: '长春市公示' }))))
    expect(racing.map((r) => r.statusCode).sort()).toEqual([201, 409, 409])
  })

  it('refuses a round with no evaluations in the scope (400 naming round)', async () => {
    const none = await publish(app, province.headers, aBulletin({ round: '2027年第一批' }))
    expect(none.statusCode).toBe(400)
    expect(none.json().field).toBe('round')
    // 2025年第一批 evaluated only institutions in 长春.
    const elsewhere = await publish(app, province.headers, aBulletin({ round: R2025, cityCode: '222400' }))
    expect(elsewhere.statusCode).toBe(400)
    expect(elsewhere.json().field).toBe('round')
  })

  it.each([
    ['an unknown 市州', { cityCode: '229999' }, 'cityCode'],
    ['a malformed 市州 code', { cityCode: '延边' }, 'cityCode'],
    ['a district instead of a 市州', { cityCode: '220104' }, 'cityCode'],
    ['no title', { title: undefined }, 'title'],
    ['a blank title', { title: '   ' }, 'title'],
    ['a control character in the department', { department: '卫生\u0007健康委' }, 'department'],
    ['an impossible date', { publishedOn: '2026-02-30' }, 'publishedOn'],
    ['a date in the future', { publishedOn: '2099-01-01' }, 'publishedOn'],
    ['a date before the round was evaluated', { round: R2025, publishedOn: '2025-06-01' }, 'publishedOn'],
    ['an intro that is too long', { intro: '长'.repeat(2001) }, 'intro'],
  ])('refuses %s (400 naming the field)', async (_case, change, field) => {
    const response = await publish(app, province.headers, aBulletin({ round: R2025, publishedOn: chinaToday(), ...change }))
    expect(response.statusCode).toBe(400)
    expect(response.json().field).toBe(field)
  })

  it('needs a token (401) and the regulator role (403); a 市州 regulator cannot publish for another 市州 or the province (403)', async () => {
    expect((await publish(app, undefined, aBulletin({ round: R2025, publishedOn: '2025-07-01' }))).statusCode).toBe(401)
    const parent = await signedInUser(app)
    expect((await publish(app, parent.headers, aBulletin({ round: R2025, publishedOn: '2025-07-01' }))).statusCode).toBe(403)
    const changchun = await signedInRegulator(app, '220100')
    expect((await publish(app, changchun.headers, aBulletin({ round: R2025, publishedOn: '2025-07-01' }))).statusCode).toBe(403)
    expect((await publish(app, changchun.headers, aBulletin({ round: R2025, publishedOn: '2025-07-01', cityCode: '222400' }))).statusCode).toBe(403)
    expect((await publish(app, changchun.headers, aBulletin({ round: R2025, publishedOn: '2025-07-01', cityCode: null }))).statusCode).toBe(403)
    const ok = await publish(app, changchun.headers, aBulletin({ round: R2025, publishedOn: '2025-07-01', cityCode: '220100' }))
    expect(ok.statusCode).toBe(201)
    expect(ok.json().entries.map(summary)).toEqual([
      // By name in pinyin order: 安 an, 朝 chao, 春 chun.
      ['安心托育园', 'B', null, 'new'],
      ['朝阳托育园', 'B', 'D', 'up'],
      ['春苗托育园', 'B', null, 'new'],
      ['德惠托育园', 'C', null, 'new'],
    ])
  })
})

describe('GET /api/bulletins', () => {
  const list = async (query = '') => {
    const response = await get(`/api/bulletins${query}`)
    expect(response.statusCode).toBe(200)
    return response.json() as { items: BulletinSummary[]; total: number; hasMore: boolean }
  }
  const scopes = (items: BulletinSummary[]) => items.map((b) => [b.round, b.cityCode, b.publishedOn])

  it('lists every bulletin newest first, with how many institutions each lists', async () => {
    const all = await list()
    expect(scopes(all.items)).toEqual([
      // Published the same day: the one made later first.
      [R2026, '222400', '2026-07-15'],
      [R2026, '220100', '2026-07-10'],
      [R2026, null, '2026-07-10'],
      [R2025, '220100', '2025-07-01'],
    ])
    expect(all.items.map((b) => b.institutionCount)).toEqual([1, 4, 5, 4])
    expect(all).toMatchObject({ total: 4, hasMore: false })
  })

  it('for a 市州: its own bulletins and the province-wide ones', async () => {
    expect(scopes((await list('?cityCode=222400')).items)).toEqual([
      [R2026, '222400', '2026-07-15'],
      [R2026, null, '2026-07-10'],
    ])
    expect(scopes((await list('?cityCode=220600')).items)).toEqual([[R2026, null, '2026-07-10']])
  })

  it('pages', async () => {
    const first = await list('?pageSize=3')
    expect(first).toMatchObject({ total: 4, hasMore: true })
    expect(first.items).toHaveLength(3)
    const second = await list('?pageSize=3&page=2')
    expect(second).toMatchObject({ total: 4, hasMore: false })
    expect(scopes(second.items)).toEqual([[R2025, '220100', '2025-07-01']])
  })

  it.each([
    ['?cityCode=229999', 'cityCode'],
    ['?cityCode=abc', 'cityCode'],
    ['?pageSize=51', 'pageSize'],
    ['?page=0', 'page'],
  ])('refuses %s (400 naming the field)', async (query, field) => {
    const response = await get(`/api/bulletins${query}`)
    expect(response.statusCode).toBe(400)
    expect(response.json().field).toBe(field)
  })
})

describe('GET /api/bulletins/:id', () => {
  it('shows one bulletin with its entries', async () => {
    const items = (await get('/api/bulletins')).json().items as BulletinSummary[]
    const provinceWide = items.find((b) => b.cityCode === null)!
    const response = await get(`/api/bulletins/${provinceWide.id}`)
    expect(response.statusCode).toBe(200)
    const bulletin = response.json() as Bulletin
    expect(bulletin).toMatchObject({ id: provinceWide.id, round: R2026, cityCode: null, institutionCount: 5, intro: '现予公示。' })
    expect(bulletin.entries.map((e) => e.institutionId)).toEqual([ids.up, ids.first, ids.same, ids.yanji, ids.down])
  })

  it('answers 404 for an unknown bulletin and 400 for a malformed id', async () => {
    expect((await get('/api/bulletins/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404)
    const malformed = await get('/api/bulletins/not-a-uuid')
    expect(malformed.statusCode).toBe(400)
    expect(malformed.json().field).toBe('id')
  })
})
