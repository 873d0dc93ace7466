import { chinaToday } from '../../shared/china-time'
import { addDays } from './deadlines'
import { aFiling, complaintRow, eventsOf, filed, seedInstitutions, uploadedPhoto } from './test-fixtures'
import { signedInRegulator, signedInUser, useTestApp } from '../../../test/support/test-app'

const { app } = useTestApp()
let ids: Awaited<ReturnType<typeof seedInstitutions>>
let regulator: Awaited<ReturnType<typeof signedInUser>>

beforeAll(async () => {
  ids = await seedInstitutions(app)
  regulator = await signedInRegulator(app, '220100')
})

const track = (trackingNumber: string, secret: string) => app.inject({ method: 'POST', url: '/api/complaints/track', payload: { trackingNumber, secret } })
const view = (trackingNumber: string, headers: Record<string, string>) => app.inject({ url: `/api/complaints/${trackingNumber}`, headers })
const act = (trackingNumber: string, action: string, payload: object = {}) =>
  app.inject({ method: 'POST', url: `/api/admin/complaints/${trackingNumber}/${action}`, headers: regulator.headers, payload })
const add = (trackingNumber: string, headers: Record<string, string>, payload: object) =>
  app.inject({ method: 'POST', url: `/api/complaints/${trackingNumber}/additions`, headers, payload })
const rate = (trackingNumber: string, headers: Record<string, string>, payload: object) =>
  app.inject({ method: 'POST', url: `/api/complaints/${trackingNumber}/rating`, headers, payload })

async function closeIt(trackingNumber: string) {
  for (const [action, body] of [
    ['accept', {}],
    ['reply', { reply: '已核实并责令退费。' }],
    ['close', { outcome: 'upheld' }],
  ] as const) {
    expect((await act(trackingNumber, action, body)).statusCode).toBe(200)
  }
}

describe('following a complaint as the reporter', () => {
  it('shows an anonymous complaint to whoever has the tracking number and secret, typed loosely', async () => {
    const photo = await uploadedPhoto(app)
    const { trackingNumber, secret } = await filed(app, aFiling(ids.nonprofit, { anonymous: true, photoIds: [photo] }))
    const response = await track(trackingNumber, secret.toLowerCase().replace(/-/g, ''))
    expect(response.statusCode).toBe(200)
    const complaint = response.json()
    expect(complaint).toMatchObject({
      trackingNumber,
      status: 'submitted',
      category: 'fees',
      urgent: false,
      cityCode: '220100',
      departments: ['market_regulation'],
      institution: { id: ids.nonprofit, name: '长春非营利托育园' },
      provider: null,
      overdue: false,
      reply: null,
      rating: null,
      additions: [],
    })
    expect(complaint.photos).toEqual([{ id: photo, url: expect.stringMatching(new RegExp(`^/api/complaints/photos/${photo}\\?expires=\\d+&sig=`)) }])
    expect(complaint.timeline).toEqual([{ type: 'submitted', at: expect.any(String), department: null, note: null, by: 'system' }])
    expect(JSON.stringify(complaint)).not.toMatch(/actorUserId|reporterUserId|secretHash|contactPhone/)

    const byHeader = await view(trackingNumber, { 'x-complaint-secret': secret })
    expect(byHeader.statusCode).toBe(200)
    expect(byHeader.json().trackingNumber).toBe(trackingNumber)
  })

  it('shows a named complaint to its reporter by token, and to nobody else', async () => {
    const reporter = await signedInUser(app)
    const other = await signedInUser(app)
    const { trackingNumber, secret } = await filed(app, aFiling(ids.nonprofit, { contactPhone: '13900003333' }), reporter.headers)
    const mine = await view(trackingNumber, reporter.headers)
    expect(mine.statusCode).toBe(200)
    expect(JSON.stringify(mine.json())).not.toContain('13900003333')

    expect((await view(trackingNumber, other.headers)).statusCode).toBe(404)
    expect((await view(trackingNumber, {})).statusCode).toBe(404)
    expect((await view(trackingNumber, { 'x-complaint-secret': 'AAAA-BBBB-CCCC-DDDD' })).statusCode).toBe(404)
    expect((await track(trackingNumber, 'AAAA-BBBB-CCCC-DDDD')).statusCode).toBe(404)
    expect((await view('TS20260101AAAAAA', { 'x-complaint-secret': secret })).statusCode).toBe(404)
    expect((await add(trackingNumber, other.headers, { text: '补充' })).statusCode).toBe(404)
    expect((await rate(trackingNumber, {}, { score: 1 })).statusCode).toBe(404)
    // Even a regulator reads complaints only through the admin view.
    expect((await view(trackingNumber, regulator.headers)).statusCode).toBe(404)
  })

  it('answers 400 for a malformed tracking number', async () => {
    const response = await view('12345', {})
    expect(response.statusCode).toBe(400)
    expect(response.json().field).toBe('trackingNumber')
  })

  it("lists the signed-in reporter's own named complaints, newest first", async () => {
    const reporter = await signedInUser(app)
    const first = await filed(app, aFiling(ids.nonprofit), reporter.headers)
    const second = await filed(app, aFiling(ids.yanbian, { category: 'food' }), reporter.headers)
    await filed(app, aFiling(ids.nonprofit, { anonymous: true }), reporter.headers)
    await filed(app, aFiling(ids.nonprofit), (await signedInUser(app)).headers)
    const list = (await app.inject({ url: '/api/me/complaints', headers: reporter.headers })).json()
    expect(list).toMatchObject({ total: 2, page: 1, hasMore: false })
    expect(list.items.map((c: { trackingNumber: string }) => c.trackingNumber)).toEqual([second.trackingNumber, first.trackingNumber])
    expect(list.items[0]).toMatchObject({ subject: '延吉托育园', cityCode: '222400', status: 'submitted', overdue: false })
    expect((await app.inject({ url: '/api/me/complaints' })).statusCode).toBe(401)
  })
})

describe('additions', () => {
  it('adds text and photos while open, recorded in the timeline', async () => {
    const reporter = await signedInUser(app)
    const { trackingNumber, secret } = await filed(app, aFiling(ids.nonprofit), reporter.headers)
    const photo = await uploadedPhoto(app)
    const response = await add(trackingNumber, reporter.headers, { text: '补充收据照片。', photoIds: [photo] })
    expect(response.statusCode).toBe(201)
    const complaint = response.json()
    expect(complaint.additions).toEqual([{ text: '补充收据照片。', at: expect.any(String), photos: [{ id: photo, url: expect.any(String) }] }])
    expect(complaint.photos).toEqual([])
    expect(complaint.timeline.map((e: { type: string }) => e.type)).toEqual(['submitted', 'addition'])

    expect((await add(trackingNumber, { 'x-complaint-secret': secret }, { text: '又想起一件事。' })).statusCode).toBe(201)
    const events = await eventsOf(app, (await complaintRow(app, trackingNumber)).id)
    expect(events.filter((e) => e.type === 'addition').map((e) => e.actorUserId)).toEqual([reporter.userId, null])
  })

  it('refuses a photo already used', async () => {
    const { trackingNumber, secret } = await filed(app, aFiling(ids.nonprofit, { anonymous: true }))
    const photo = await uploadedPhoto(app)
    await filed(app, aFiling(ids.nonprofit, { photoIds: [photo] }))
    const response = await add(trackingNumber, { 'x-complaint-secret': secret }, { text: '补充', photoIds: [photo] })
    expect(response.statusCode).toBe(400)
    expect(response.json().field).toBe('photoIds')
    expect((await track(trackingNumber, secret)).json().additions).toEqual([])
  })

  it('refuses additions once closed or rejected (409)', async () => {
    const closed = await filed(app, aFiling(ids.nonprofit, { anonymous: true }))
    await closeIt(closed.trackingNumber)
    expect((await add(closed.trackingNumber, { 'x-complaint-secret': closed.secret }, { text: '补充' })).statusCode).toBe(409)
    const rejected = await filed(app, aFiling(ids.nonprofit, { anonymous: true }))
    expect((await act(rejected.trackingNumber, 'reject', { reason: '不属于托育机构监管范围' })).statusCode).toBe(200)
    expect((await add(rejected.trackingNumber, { 'x-complaint-secret': rejected.secret }, { text: '补充' })).statusCode).toBe(409)
  })

  it('names the field of bad input', async () => {
    const { trackingNumber, secret } = await filed(app, aFiling(ids.nonprofit, { anonymous: true }))
    const response = await add(trackingNumber, { 'x-complaint-secret': secret }, { text: '' })
    expect(response.statusCode).toBe(400)
    expect(response.json().field).toBe('text')
  })
})

describe('rating', () => {
  it('rates only a closed complaint, and only once', async () => {
    const { trackingNumber, secret } = await filed(app, aFiling(ids.nonprofit, { anonymous: true }))
    const headers = { 'x-complaint-secret': secret }
    expect((await rate(trackingNumber, headers, { score: 5 })).statusCode).toBe(409)
    await closeIt(trackingNumber)
    const response = await rate(trackingNumber, headers, { score: 4, comment: '处理及时' })
    expect(response.statusCode).toBe(200)
    expect(response.json().rating).toEqual({ score: 4, comment: '处理及时', at: expect.any(String) })
    expect(response.json().timeline.at(-1)).toMatchObject({ type: 'rating', by: 'reporter' })
    const again = await rate(trackingNumber, headers, { score: 1 })
    expect(again.statusCode).toBe(409)
    expect(again.json().message).toContain('只能评价一次')
  })

  it('names the field of a bad score', async () => {
    const { trackingNumber, secret } = await filed(app, aFiling(ids.nonprofit, { anonymous: true }))
    const response = await rate(trackingNumber, { 'x-complaint-secret': secret }, { score: 6 })
    expect(response.statusCode).toBe(400)
    expect(response.json().field).toBe('score')
  })
})

describe('overdue', () => {
  const db = () => app.database.db
  const setDates = (trackingNumber: string, acceptBy: string, replyBy: string) =>
    db().updateTable('complaints').set({ acceptBy, replyBy }).where('trackingNumber', '=', trackingNumber).execute()

  it('is overdue when not accepted by accept_by, and when not answered by reply_by', async () => {
    const today = chinaToday()
    const { trackingNumber, secret } = await filed(app, aFiling(ids.nonprofit, { anonymous: true }))
    const overdue = async () => (await track(trackingNumber, secret)).json().overdue

    await setDates(trackingNumber, today, addDays(today, 8))
    expect(await overdue()).toBe(false)
    await setDates(trackingNumber, addDays(today, -1), addDays(today, 8))
    expect(await overdue()).toBe(true)

    expect((await act(trackingNumber, 'accept')).statusCode).toBe(200)
    expect(await overdue()).toBe(false)
    await setDates(trackingNumber, addDays(today, -10), addDays(today, -1))
    expect(await overdue()).toBe(true)

    expect((await act(trackingNumber, 'reply', { reply: '已答复。' })).statusCode).toBe(200)
    expect(await overdue()).toBe(false)
  })
})
