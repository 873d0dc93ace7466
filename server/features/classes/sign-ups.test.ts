import { wxRequestWithoutData } from '../../../test/support/wx-request'
import { releaseSignUpsOfUser } from './seat-service'
import { signedInCentreStaff, useTestApp } from '../../../test/support/test-app'
import {
  aChild,
  aClass,
  aParent,
  bornMonthsAgo,
  cancelSignUp,
  hoursFromNow,
  jobsFor,
  moveClass,
  published,
  seatCounts,
  signUpFor,
  type Headers,
} from './test-fixtures'
import { aHealthCentre } from '../../../test/support/seed-registry'

const { app } = useTestApp()
let staff: Headers
let centreId: string

beforeAll(async () => {
  centreId = (await aHealthCentre(app)).id
  staff = (await signedInCentreStaff(app, centreId)).headers
})

const myClass = (overrides = {}) => published(app, staff, aClass(centreId, overrides))

describe('signing up for a class', () => {
  it('gives a seat while one is free, then the waiting list with positions in arrival order', async () => {
    const classId = await myClass({ capacity: 2 })
    const parents = await Promise.all([1, 2, 3, 4].map(() => aParent(app)))
    const answers = []
    for (const parent of parents) answers.push(await signUpFor(app, parent.headers, classId))
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201, 201])
    expect(answers.map((a) => [a.json().status, a.json().waitingPosition])).toEqual([
      ['confirmed', null],
      ['confirmed', null],
      ['waiting', 1],
      ['waiting', 2],
    ])
    expect(answers[3].json().class).toMatchObject({ id: classId, capacity: 2, confirmedCount: 2, seatsLeft: 0, waitingCount: 2 })
    expect(await seatCounts(app, classId)).toMatchObject({ counter: 2, confirmed: 2, waiting: 2 })
  })

  it('refuses a second live sign-up of the same parent (409), even two sent at once', async () => {
    const classId = await myClass()
    const parent = await aParent(app)
    const [a, b] = await Promise.all([signUpFor(app, parent.headers, classId), signUpFor(app, parent.headers, classId)])
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409])
    const again = await signUpFor(app, parent.headers, classId)
    expect(again.statusCode).toBe(409)
    expect(again.json().message).toContain('已报名')
    expect(await seatCounts(app, classId)).toMatchObject({ counter: 1, confirmed: 1 })
  })

  it('lets a parent who cancelled sign up again, at the end of the queue', async () => {
    const classId = await myClass({ capacity: 1 })
    const [first, second] = [await aParent(app), await aParent(app)]
    const mine = (await signUpFor(app, first.headers, classId)).json()
    await signUpFor(app, second.headers, classId)
    expect((await cancelSignUp(app, first.headers, mine.id)).json().status).toBe('cancelled')
    const again = await signUpFor(app, first.headers, classId)
    expect(again.statusCode).toBe(201)
    expect(again.json()).toMatchObject({ status: 'waiting', waitingPosition: 1 })
  })

  it("checks the child: someone else's is 404, one outside the class ages is 400, both naming childId", async () => {
    const classId = await myClass({ minAgeMonths: 12, maxAgeMonths: 24, startsAt: hoursFromNow(30), endsAt: hoursFromNow(31) })
    const parent = await aParent(app)
    const other = await aParent(app)
    const othersChild = await aChild(app, other.userId, bornMonthsAgo(14))
    const notMine = await signUpFor(app, parent.headers, classId, { childId: othersChild.id, subscribed: [] })
    expect(notMine.statusCode).toBe(404)
    expect(notMine.json().field).toBe('childId')

    const baby = await aChild(app, parent.userId, bornMonthsAgo(3), '小宝')
    const tooYoung = await signUpFor(app, parent.headers, classId, { childId: baby.id, subscribed: [] })
    expect(tooYoung.statusCode).toBe(400)
    expect(tooYoung.json().field).toBe('childId')
    expect(tooYoung.json().message).toContain('12–24')

    const toddler = await aChild(app, parent.userId, bornMonthsAgo(14), '豆豆')
    const fits = await signUpFor(app, parent.headers, classId, { childId: toddler.id, subscribed: [] })
    expect(fits.statusCode).toBe(201)
    expect(fits.json().child).toEqual({ id: toddler.id, nickname: '豆豆' })
  })

  it('refuses classes that have started or were cancelled (409), unknown ones (404), and bad input (400 naming the field)', async () => {
    const parent = await aParent(app)
    const started = await myClass()
    await moveClass(app, started, { startsAt: hoursFromNow(-1), endsAt: hoursFromNow(1) })
    expect((await signUpFor(app, parent.headers, started)).statusCode).toBe(409)

    const cancelled = await myClass()
    await app.inject({ method: 'POST', url: `/api/centre/classes/${cancelled}/cancel`, headers: staff, payload: { reason: '主讲医生临时外出' } })
    const refused = await signUpFor(app, parent.headers, cancelled)
    expect(refused.statusCode).toBe(409)
    expect(refused.json().message).toContain('已取消')

    expect((await signUpFor(app, parent.headers, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404)
    const badKind = await signUpFor(app, parent.headers, started, { subscribed: ['spam'] })
    expect(badKind.statusCode).toBe(400)
    expect(badKind.json().field).toBe('subscribed')
    const noToken = await app.inject({ method: 'POST', url: `/api/classes/${started}/sign-ups`, payload: { subscribed: [] } })
    expect(noToken.statusCode).toBe(401)
  })

  it('refuses the access token of a session that ended (401) and writes nothing, though the token itself is still unexpired', async () => {
    const classId = await myClass({ capacity: 1 })
    const parent = await aParent(app)
    await app.inject({ method: 'POST', url: '/api/auth/logout', payload: { refreshToken: parent.refreshToken } })
    const refused = await signUpFor(app, parent.headers, classId)
    expect(refused.statusCode).toBe(401)
    expect(refused.json().code).toBe('unauthorized')
    expect(await seatCounts(app, classId)).toMatchObject({ counter: 0, confirmed: 0, waiting: 0 })
    expect((await signUpFor(app, (await aParent(app)).headers, classId)).json().status).toBe('confirmed')
  })
})

describe('cancelling a sign-up', () => {
  it('cancels as wx.request sends it (JSON content type, no body)', async () => {
    const classId = await myClass()
    const parent = await aParent(app)
    const seat = (await signUpFor(app, parent.headers, classId)).json()
    const cancelled = await wxRequestWithoutData(app, 'POST', `/api/sign-ups/${seat.id}/cancel`, parent.headers)
    expect(cancelled.statusCode).toBe(200)
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', class: { confirmedCount: 0 } })
  })

  it('frees the seat for the first waiting parent, in the same step, and queues their message', async () => {
    const classId = await myClass({ capacity: 1 })
    const [holder, first, second] = [await aParent(app), await aParent(app), await aParent(app)]
    const seat = (await signUpFor(app, holder.headers, classId)).json()
    const waitingFirst = (await signUpFor(app, first.headers, classId, { subscribed: ['promoted', 'reminder'] })).json()
    const waitingSecond = (await signUpFor(app, second.headers, classId)).json()

    const cancelled = await cancelSignUp(app, holder.headers, seat.id)
    expect(cancelled.statusCode).toBe(200)
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', class: { confirmedCount: 1, waitingCount: 1 } })
    expect(cancelled.json().cancelledAt).not.toBeNull()

    const mine = (await app.inject({ method: 'GET', url: `/api/classes/${classId}`, headers: first.headers })).json()
    expect(mine.mySignUp).toEqual({ id: waitingFirst.id, status: 'confirmed', waitingPosition: null })
    const stillWaiting = (await app.inject({ method: 'GET', url: `/api/classes/${classId}`, headers: second.headers })).json()
    expect(stillWaiting.mySignUp).toEqual({ id: waitingSecond.id, status: 'waiting', waitingPosition: 1 })
    expect(await seatCounts(app, classId)).toMatchObject({ counter: 1, confirmed: 1, waiting: 1, cancelled: 1 })
    expect((await jobsFor(app, waitingFirst.id)).map((j) => j.kind)).toEqual(['classes.promoted', 'classes.reminder'])
  })

  it('closes for a seat at the cut-off with a clear message, but not for a waiting place until the start', async () => {
    const classId = await myClass({ capacity: 1 })
    const [holder, waiter] = [await aParent(app), await aParent(app)]
    const seat = (await signUpFor(app, holder.headers, classId)).json()
    const place = (await signUpFor(app, waiter.headers, classId)).json()
    await moveClass(app, classId, { startsAt: hoursFromNow(1), endsAt: hoursFromNow(2), cancellableUntil: hoursFromNow(-1) })

    const late = await cancelSignUp(app, holder.headers, seat.id)
    expect(late.statusCode).toBe(409)
    expect(late.json().message).toMatch(/已过取消截止时间（\d+月\d+日 \d\d:\d\d）/)
    expect((await cancelSignUp(app, waiter.headers, place.id)).json().status).toBe('cancelled')
    expect(await seatCounts(app, classId)).toMatchObject({ counter: 1, confirmed: 1, waiting: 0 })

    await moveClass(app, classId, { startsAt: hoursFromNow(-1), endsAt: hoursFromNow(1) })
    const other = await aParent(app)
    const otherClass = await myClass({ capacity: 1 })
    await signUpFor(app, holder.headers, otherClass)
    const waiting = (await signUpFor(app, other.headers, otherClass)).json()
    await moveClass(app, otherClass, { startsAt: hoursFromNow(-1), endsAt: hoursFromNow(1) })
    expect((await cancelSignUp(app, other.headers, waiting.id)).statusCode).toBe(409)
  })

  it("is 404 for another parent's sign-up, and 409 for one already cancelled", async () => {
    const classId = await myClass()
    const [owner, stranger] = [await aParent(app), await aParent(app)]
    const seat = (await signUpFor(app, owner.headers, classId)).json()
    expect((await cancelSignUp(app, stranger.headers, seat.id)).statusCode).toBe(404)
    expect((await cancelSignUp(app, owner.headers, seat.id)).statusCode).toBe(200)
    expect((await cancelSignUp(app, owner.headers, seat.id)).statusCode).toBe(409)
  })
})

describe('我的报名', () => {
  it('lists live sign-ups of classes not ended soonest first, everything else newest first', async () => {
    const parent = await aParent(app)
    const later = await myClass({ title: '后天的课', startsAt: hoursFromNow(50), endsAt: hoursFromNow(51) })
    const sooner = await myClass({ title: '明天的课', startsAt: hoursFromNow(26), endsAt: hoursFromNow(27) })
    const given = await myClass({ title: '取消了的课' })
    const ended = await myClass({ title: '上周的课' })
    for (const id of [later, sooner, given, ended]) await signUpFor(app, parent.headers, id)
    await app.inject({ method: 'POST', url: `/api/centre/classes/${given}/cancel`, headers: staff, payload: { reason: '场地维修' } })
    await moveClass(app, ended, { startsAt: hoursFromNow(-170), endsAt: hoursFromNow(-169) })

    const mine = await app.inject({ method: 'GET', url: '/api/sign-ups', headers: parent.headers })
    expect(mine.statusCode).toBe(200)
    expect(mine.json().upcoming.map((s: { class: { title: string } }) => s.class.title)).toEqual(['明天的课', '后天的课'])
    expect(mine.json().past.map((s: { class: { title: string }; status: string }) => [s.class.title, s.status])).toEqual([
      ['取消了的课', 'class_cancelled'],
      ['上周的课', 'confirmed'],
    ])
    expect(mine.json().past[0].class).toMatchObject({ status: 'cancelled', cancelReason: '场地维修' })
    expect((await app.inject({ method: 'GET', url: '/api/sign-ups', headers: (await aParent(app)).headers })).json()).toEqual({ upcoming: [], past: [] })
  })
})

describe('account deletion', () => {
  it('releaseSignUpsOfUser removes the sign-ups and gives each freed seat to the next waiting parent', async () => {
    const classId = await myClass({ capacity: 1 })
    const [leaving, next] = [await aParent(app), await aParent(app)]
    await signUpFor(app, leaving.headers, classId)
    const waiting = (await signUpFor(app, next.headers, classId)).json()
    await app.database.db.transaction().execute(async (trx) => {
      await releaseSignUpsOfUser(trx, leaving.userId)
      await trx.deleteFrom('users').where('id', '=', leaving.userId).execute()
    })
    expect(await seatCounts(app, classId)).toMatchObject({ counter: 1, confirmed: 1, waiting: 0 })
    const promoted = await app.inject({ method: 'GET', url: `/api/classes/${classId}`, headers: next.headers })
    expect(promoted.json().mySignUp).toMatchObject({ id: waiting.id, status: 'confirmed' })
  })

  it('DELETE /me frees the seats of the account for the next waiting parent; GET /me/export lists the sign-ups', async () => {
    const classId = await myClass({ capacity: 1 })
    const [leaving, next] = [await aParent(app), await aParent(app)]
    const seat = (await signUpFor(app, leaving.headers, classId)).json()
    const waiting = (await signUpFor(app, next.headers, classId)).json()
    const exported = await app.inject({ method: 'GET', url: '/api/me/export', headers: leaving.headers })
    expect(exported.statusCode).toBe(200)
    expect(exported.json().classSignUps).toEqual([
      expect.objectContaining({ id: seat.id, status: 'confirmed', class: expect.objectContaining({ id: classId }) }),
    ])

    expect((await app.inject({ method: 'DELETE', url: '/api/me', headers: leaving.headers })).statusCode).toBe(204)
    expect(await seatCounts(app, classId)).toMatchObject({ counter: 1, confirmed: 1, waiting: 0, cancelled: 0 })
    expect((await app.inject({ method: 'GET', url: `/api/classes/${classId}`, headers: next.headers })).json().mySignUp).toMatchObject({
      id: waiting.id,
      status: 'confirmed',
    })
  })

  it('deleting a child keeps the sign-up, without the child', async () => {
    const classId = await myClass()
    const parent = await aParent(app)
    const child = await aChild(app, parent.userId, bornMonthsAgo(10))
    const seat = (await signUpFor(app, parent.headers, classId, { childId: child.id, subscribed: [] })).json()
    await app.database.db.deleteFrom('children').where('id', '=', child.id).execute()
    const mine = (await app.inject({ method: 'GET', url: '/api/sign-ups', headers: parent.headers })).json()
    expect(mine.upcoming).toEqual([expect.objectContaining({ id: seat.id, child: null, status: 'confirmed' })])
  })
})
