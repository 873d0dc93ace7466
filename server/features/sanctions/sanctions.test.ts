import { aRecord, YANBIAN } from '../../../test/support/institution-builder'
import type { PublicSanction, SanctionList } from '../../../types/sanctions'
import { upsertInstitutions } from '../institutions/import/upsert'
import { useTestApp } from '../../../test/support/test-app'

// Reasons are free text written by the deciding department: they can name a teacher or a manager.
const REASONS = ['保育员王某某体罚幼儿', '园长李某某未按规定公示收费项目', '负责人赵某某消防通道堆放杂物']

const { app, testDb } = useTestApp()

beforeAll(async () => {
  await upsertInstitutions(testDb.database.db, [
    aRecord({
      name: '长春被罚托育园',
      sanctions: [
        { kind: 'sanction', measure: '警告并罚款5000元', reason: REASONS[0], department: '长春市朝阳区卫生健康局', decidedOn: '2026-03-01' },
        { kind: 'credit_warning', measure: '列入信用警示名单', reason: REASONS[1], department: '长春市市场监督管理局', decidedOn: '2026-05-10' },
      ],
    }),
    aRecord({
      name: '延吉被罚托育园',
      ...YANBIAN,
      sanctions: [{ kind: 'sanction', measure: '责令限期整改', reason: REASONS[2], department: '延吉市消防救援大队', decidedOn: '2025-12-01' }],
    }),
    aRecord({ name: '守规矩托育园' }),
  ])
})

async function list(query = '') {
  const response = await app.inject({ method: 'GET', url: `/api/sanctions${query}` })
  expect(response.statusCode).toBe(200)
  return { body: response.json() as SanctionList, text: response.body }
}
const rows = (items: PublicSanction[]) => items.map((s) => [s.institutionName, s.kind, s.decidedOn])

describe('GET /api/sanctions', () => {
  it('lists every sanction and credit warning newest first, with the institution, measure, department and date', async () => {
    const { body } = await list()
    expect(rows(body.items)).toEqual([
      ['长春被罚托育园', 'credit_warning', '2026-05-10'],
      ['长春被罚托育园', 'sanction', '2026-03-01'],
      ['延吉被罚托育园', 'sanction', '2025-12-01'],
    ])
    expect(body.items[2]).toEqual({
      institutionId: expect.any(String),
      institutionName: '延吉被罚托育园',
      cityName: '延边朝鲜族自治州',
      districtName: '延吉市',
      kind: 'sanction',
      measure: '责令限期整改',
      department: '延吉市消防救援大队',
      decidedOn: '2025-12-01',
    })
    expect(body).toMatchObject({ total: 3, page: 1, pageSize: 20, hasMore: false })
  })

  it('never carries the reason, which may name a person', async () => {
    const { body, text } = await list()
    for (const reason of REASONS) expect(text).not.toContain(reason)
    expect(text).not.toMatch(/某某/)
    for (const item of body.items) expect(Object.keys(item)).not.toContain('reason')
  })

  it('filters by 市州 and by kind', async () => {
    expect(rows((await list('?cityCode=222400')).body.items)).toEqual([['延吉被罚托育园', 'sanction', '2025-12-01']])
    expect(rows((await list('?kind=credit_warning')).body.items)).toEqual([['长春被罚托育园', 'credit_warning', '2026-05-10']])
    expect(rows((await list('?cityCode=220100&kind=sanction')).body.items)).toEqual([['长春被罚托育园', 'sanction', '2026-03-01']])
    expect((await list('?cityCode=220600')).body).toMatchObject({ items: [], total: 0, hasMore: false })
  })

  it('pages', async () => {
    const first = (await list('?pageSize=2')).body
    expect(first).toMatchObject({ total: 3, page: 1, pageSize: 2, hasMore: true })
    const second = (await list('?pageSize=2&page=2')).body
    expect(rows(second.items)).toEqual([['延吉被罚托育园', 'sanction', '2025-12-01']])
    expect(second.hasMore).toBe(false)
  })

  it.each([
    ['?cityCode=229999', 'cityCode'],
    ['?cityCode=222401', 'cityCode'],
    ['?kind=fine', 'kind'],
    ['?pageSize=0', 'pageSize'],
    ['?page=-1', 'page'],
  ])('refuses %s (400 naming the field)', async (query, field) => {
    const response = await app.inject({ method: 'GET', url: `/api/sanctions${query}` })
    expect(response.statusCode).toBe(400)
    expect(response.json().field).toBe(field)
  })
})
