import { sql } from 'kysely'
import { chinaToday } from '../../shared/china-time'
import { addDays } from './deadlines'
import { aFiling, complaintRow, deliveriesOf, eventsOf, filed, seedInstitutions } from './test-fixtures'
import { signedInRegulator, signedInUser, useTestApp } from '../../../test/support/test-app'

const { app } = useTestApp()
let ids: Awaited<ReturnType<typeof seedInstitutions>>
type User = Awaited<ReturnType<typeof signedInUser>>
let changchun: User
let yanbian: User
let provincial: User

beforeAll(async () => {
  ids = await seedInstitutions(app)
  changchun = await signedInRegulator(app, '220100')
  yanbian = await signedInRegulator(app, '222400')
  provincial = await signedInRegulator(app, '220000')
})

const act = (who: User, trackingNumber: string, action: string, payload?: object) =>
  app.inject({ method: 'POST', url: `/api/admin/complaints/${trackingNumber}/${action}`, headers: who.headers, ...(payload ? { payload } : {}) })
const adminView = (who: User, trackingNumber: string) => app.inject({ url: `/api/admin/complaints/${trackingNumber}`, headers: who.headers })
const list = async (who: User, query = '') => {
  const response = await app.inject({ url: `/api/admin/complaints${query}`, headers: who.headers })
  expect(response.statusCode).toBe(200)
  return response.json() as {
    items: Array<{ trackingNumber: string; urgent: boolean; overdue: boolean; status: string; subject: string }>
    total: number
    hasMore: boolean
  }
}
const numbers = (items: Array<{ trackingNumber: string }>) => items.map((i) => i.trackingNumber)

describe('who may handle a complaint', () => {
  it('answers 401 without a token and 403 to a parent', async () => {
    const { trackingNumber } = await filed(app, aFiling(ids.nonprofit))
    expect((await app.inject({ url: '/api/admin/complaints' })).statusCode).toBe(401)
    const parent = await signedInUser(app)
    expect((await app.inject({ url: '/api/admin/complaints', headers: parent.headers })).statusCode).toBe(403)
    expect((await act(parent, trackingNumber, 'accept', {})).statusCode).toBe(403)
  })

  it('hides a complaint of another 市州 from a regulator: 404 on read and act, absent from the list', async () => {
    const { trackingNumber } = await filed(app, aFiling(ids.yanbian, { category: 'food' }))
    expect((await adminView(changchun, trackingNumber)).statusCode).toBe(404)
    for (const [action, body] of [
      ['accept', {}],
      ['reject', { reason: '不予受理' }],
      ['assign', { department: 'health' }],
      ['reply', { reply: '答复内容' }],
      ['close', { outcome: 'upheld' }],
      ['publish-sanction', {}],
    ] as const) {
      expect((await act(changchun, trackingNumber, action, body)).statusCode).toBe(404)
    }
    expect(numbers((await list(changchun)).items)).not.toContain(trackingNumber)
    expect(numbers((await list(changchun, '?cityCode=222400')).items)).toEqual([])
    expect((await complaintRow(app, trackingNumber)).status).toBe('submitted')

    expect((await adminView(yanbian, trackingNumber)).statusCode).toBe(200)
    expect((await adminView(provincial, trackingNumber)).statusCode).toBe(200)
    expect(numbers((await list(yanbian)).items)).toContain(trackingNumber)
    expect(numbers((await list(provincial, '?cityCode=222400')).items)).toContain(trackingNumber)
  })

  it('shows the regulator the contact phone and the forwarding state', async () => {
    const reporter = await signedInUser(app)
    const { trackingNumber } = await filed(app, aFiling(ids.nonprofit, { category: 'abuse', contactPhone: '13900004444' }), reporter.headers)
    const response = await adminView(changchun, trackingNumber)
    expect(response.json()).toMatchObject({
      trackingNumber,
      anonymous: false,
      contactPhone: '13900004444',
      urgent: true,
      sanctionPublished: false,
      deliveries: expect.arrayContaining([
        { department: 'public_security', status: 'pending', attempts: 0, deliveredAt: null },
        { department: 'health', status: 'pending', attempts: 0, deliveredAt: null },
      ]),
    })
    expect(JSON.stringify(response.json())).not.toContain(reporter.userId)
  })
})

describe('the admin list', () => {
  it('puts urgent complaints first, then the oldest, and filters', async () => {
    const ordinary = await filed(app, aFiling(ids.forprofit, { category: 'staff' }))
    const urgent = await filed(app, aFiling(ids.forprofit, { category: 'abuse', anonymous: true }))
    const older = await filed(app, aFiling(ids.forprofit, { category: 'staff' }))
    await app.database.db
      .updateTable('complaints')
      .set({ filedAt: sql<string>`now() - interval '3 days'` })
      .where('trackingNumber', '=', older.trackingNumber)
      .execute()

    const staff = numbers((await list(changchun, '?category=staff')).items)
    expect(staff.indexOf(older.trackingNumber)).toBeLessThan(staff.indexOf(ordinary.trackingNumber))
    const all = (await list(changchun, '?pageSize=100')).items
    const firstOrdinary = all.findIndex((c) => !c.urgent)
    expect(all.slice(firstOrdinary).every((c) => !c.urgent)).toBe(true)
    expect(numbers(all.slice(0, firstOrdinary))).toContain(urgent.trackingNumber)

    expect((await list(changchun, '?urgent=true')).items.every((c) => c.urgent)).toBe(true)
    expect(numbers((await list(changchun, '?urgent=true')).items)).toContain(urgent.trackingNumber)
    expect((await list(changchun, '?status=submitted')).items.every((c) => c.status === 'submitted')).toBe(true)

    const page = await list(changchun, '?pageSize=1&page=1')
    expect(page.items).toHaveLength(1)
    expect(page.hasMore).toBe(true)
    expect(page.total).toBeGreaterThan(1)
  })

  it('filters overdue complaints', async () => {
    const late = await filed(app, aFiling(ids.forprofit, { category: 'safety' }))
    await app.database.db
      .updateTable('complaints')
      .set({ acceptBy: addDays(chinaToday(), -1) })
      .where('trackingNumber', '=', late.trackingNumber)
      .execute()
    const overdue = (await list(changchun, '?overdue=true&pageSize=100')).items
    expect(numbers(overdue)).toContain(late.trackingNumber)
    expect(overdue.every((c) => c.overdue)).toBe(true)
    const notOverdue = (await list(changchun, '?overdue=false&pageSize=100')).items
    expect(numbers(notOverdue)).not.toContain(late.trackingNumber)
    expect(notOverdue.every((c) => !c.overdue)).toBe(true)
  })

  it('names the field of a bad filter', async () => {
    for (const [query, field] of [
      ['?status=lost', 'status'],
      ['?cityCode=990100', 'cityCode'],
      ['?pageSize=500', 'pageSize'],
      ['?overdue=maybe', 'overdue'],
    ]) {
      const response = await app.inject({ url: `/api/admin/complaints${query}`, headers: changchun.headers })
      expect(response.statusCode).toBe(400)
      expect(response.json().field).toBe(field)
    }
  })
})

describe('the handling loop', () => {
  it("runs from filing to closed, rated, with the sanction on the institution's public page", async () => {
    const { trackingNumber, secret } = await filed(app, aFiling(ids.forprofit, { anonymous: true, category: 'fees' }))
    const row = await complaintRow(app, trackingNumber)

    const accepted = await act(changchun, trackingNumber, 'accept', { note: '材料齐全，予以受理' })
    expect(accepted.statusCode).toBe(200)
    expect(accepted.json()).toMatchObject({ status: 'accepted', deliveries: [{ department: 'market_regulation', status: 'pending' }] })
    expect((await deliveriesOf(app, row.id)).map((d) => d.department)).toEqual(['market_regulation'])

    const assigned = await act(changchun, trackingNumber, 'assign', { department: 'civil_affairs', note: '涉及登记问题' })
    expect(assigned.json()).toMatchObject({ status: 'assigned', departments: ['market_regulation', 'civil_affairs'] })
    expect((await deliveriesOf(app, row.id)).map((d) => d.department)).toEqual(['civil_affairs', 'market_regulation'])
    expect((await act(changchun, trackingNumber, 'progress')).json().status).toBe('in_progress')
    expect((await act(changchun, trackingNumber, 'reply', { reply: '经查属实，已责令退还预付费。' })).json()).toMatchObject({
      status: 'replied',
      reply: '经查属实，已责令退还预付费。',
    })
    const sanction = { kind: 'sanction', measure: '警告并罚款5000元', reason: '拒不退还预付费', department: '长春市市场监督管理局', decidedOn: '2026-11-20' }
    const closed = await act(changchun, trackingNumber, 'close', { outcome: 'upheld', note: '已办结', sanction })
    expect(closed.json()).toMatchObject({ status: 'closed', outcome: 'upheld', sanctionPublished: false })

    const reporterView = (await app.inject({ method: 'POST', url: '/api/complaints/track', payload: { trackingNumber, secret } })).json()
    expect(reporterView.timeline.map((e: { type: string }) => e.type)).toEqual(['submitted', 'accepted', 'assigned', 'in_progress', 'replied', 'closed'])
    expect(reporterView.timeline[1]).toEqual({ type: 'accepted', at: expect.any(String), department: null, note: '材料齐全，予以受理', by: 'regulator' })
    expect(reporterView.timeline[2]).toMatchObject({ department: 'civil_affairs', by: 'regulator' })
    expect(JSON.stringify(reporterView)).not.toContain(changchun.userId)
    const rated = await app.inject({
      method: 'POST',
      url: `/api/complaints/${trackingNumber}/rating`,
      headers: { 'x-complaint-secret': secret },
      payload: { score: 5 },
    })
    expect(rated.statusCode).toBe(200)

    const published = await act(changchun, trackingNumber, 'publish-sanction', {})
    expect(published.statusCode).toBe(200)
    expect(published.json().sanctionPublished).toBe(true)
    const institution = (await app.inject({ url: `/api/institutions/${ids.forprofit}` })).json()
    // Published without the reason, which may name a person (the regulator's record keeps it).
    const { reason: _reason, ...publicSanction } = sanction
    expect(institution.sanctions).toEqual([publicSanction])
    expect((await act(changchun, trackingNumber, 'publish-sanction', {})).statusCode).toBe(409)

    const events = await eventsOf(app, row.id)
    expect(events.map((e) => e.type)).toEqual(['submitted', 'accepted', 'assigned', 'in_progress', 'replied', 'closed', 'rating', 'sanction_published'])
    expect(events.filter((e) => e.actor === 'regulator').every((e) => e.actorUserId === changchun.userId)).toBe(true)
    expect(events[1]).toMatchObject({ fromStatus: 'submitted', toStatus: 'accepted' })
  })

  it('records a rejection with its reason', async () => {
    const { trackingNumber } = await filed(app, aFiling(ids.nonprofit))
    const response = await act(changchun, trackingNumber, 'reject', { reason: '非托育机构，请向教育部门反映' })
    expect(response.json()).toMatchObject({ status: 'rejected', rejectionReason: '非托育机构，请向教育部门反映' })
    expect(response.json().timeline.at(-1)).toMatchObject({ type: 'rejected', note: '非托育机构，请向教育部门反映' })
  })

  it('refuses steps out of order with 409 and a message saying why', async () => {
    const { trackingNumber } = await filed(app, aFiling(ids.nonprofit))
    for (const [action, body] of [
      ['progress', {}],
      ['reply', { reply: '答复内容' }],
      ['close', { outcome: 'upheld' }],
      ['assign', { department: 'health' }],
      ['publish-sanction', {}],
    ] as const) {
      const response = await act(changchun, trackingNumber, action, body)
      expect(response.statusCode).toBe(409)
      expect(response.json().message).toMatch(/不能|只有/)
    }
    expect((await act(changchun, trackingNumber, 'accept', {})).statusCode).toBe(200)
    const twice = await act(changchun, trackingNumber, 'accept', {})
    expect(twice.statusCode).toBe(409)
    expect(twice.json().message).toContain('已受理')
    expect((await act(changchun, trackingNumber, 'reject', { reason: '太晚了' })).statusCode).toBe(409)
    expect((await complaintRow(app, trackingNumber)).status).toBe('accepted')
  })

  it('lets only one of two regulators acting at once succeed', async () => {
    const { trackingNumber } = await filed(app, aFiling(ids.nonprofit))
    const [a, b] = await Promise.all([act(changchun, trackingNumber, 'accept', {}), act(provincial, trackingNumber, 'reject', { reason: '重复投诉' })])
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409])
    const events = await eventsOf(app, (await complaintRow(app, trackingNumber)).id)
    expect(events.filter((e) => e.type === 'accepted' || e.type === 'rejected')).toHaveLength(1)
  })

  it('accepts a sanction only when upheld against a registered institution', async () => {
    const sanction = { kind: 'credit_warning', measure: '列入信用警示名单', reason: '虚假宣传', department: '长春市市场监督管理局', decidedOn: '2026-11-21' }
    const toReplied = async (body: object) => {
      const { trackingNumber } = await filed(app, body)
      await act(changchun, trackingNumber, 'accept', {})
      await act(changchun, trackingNumber, 'reply', { reply: '已答复。' })
      return trackingNumber
    }
    const notUpheld = await act(changchun, await toReplied(aFiling(ids.nonprofit)), 'close', { outcome: 'not_upheld', sanction })
    expect(notUpheld.statusCode).toBe(400)
    expect(notUpheld.json().field).toBe('sanction')
    const provider = { name: '某无证托育点', address: '长春市某小区5栋', cityCode: '220100' }
    const unlisted = await act(changchun, await toReplied({ ...aFiling(ids.nonprofit), institutionId: undefined, provider }), 'close', {
      outcome: 'upheld',
      sanction,
    })
    expect(unlisted.statusCode).toBe(400)
    expect(unlisted.json().field).toBe('sanction')
    const withoutSanction = await toReplied(aFiling(ids.nonprofit))
    expect((await act(changchun, withoutSanction, 'close', { outcome: 'partly_upheld' })).statusCode).toBe(200)
    expect((await act(changchun, withoutSanction, 'publish-sanction', {})).statusCode).toBe(409)
  })

  it('names the field of bad input to an action', async () => {
    const { trackingNumber } = await filed(app, aFiling(ids.nonprofit))
    for (const [action, body, field] of [
      ['assign', { department: 'tax' }, 'department'],
      ['reject', {}, 'reason'],
      ['reply', { reply: '' }, 'reply'],
      ['close', { outcome: 'maybe' }, 'outcome'],
    ] as const) {
      const response = await act(changchun, trackingNumber, action, body)
      expect(response.statusCode).toBe(400)
      expect(response.json().field).toBe(field)
    }
  })
})

describe('the audit trail', () => {
  it('cannot be edited or deleted', async () => {
    const { trackingNumber } = await filed(app, aFiling(ids.nonprofit))
    const id = (await complaintRow(app, trackingNumber)).id
    const db = app.database.db
    await expect(db.updateTable('complaintEvents').set({ note: '改过' }).where('complaintId', '=', id).execute()).rejects.toThrow(/append-only/)
    await expect(db.updateTable('complaintEvents').set({ actor: 'regulator' }).where('complaintId', '=', id).execute()).rejects.toThrow(/append-only/)
    await expect(db.deleteFrom('complaintEvents').where('complaintId', '=', id).execute()).rejects.toThrow(/append-only/)
    expect(await eventsOf(app, id)).toHaveLength(1)
  })
})
