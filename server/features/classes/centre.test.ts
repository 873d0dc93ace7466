import { signedInCentreStaff, signedInUser, useTestApp } from '../../../test/support/test-app'
import {
  aChild,
  aClass,
  aParent,
  bornMonthsAgo,
  chinaTime,
  hoursFromNow,
  moveClass,
  published,
  replaceClass,
  replacementOf,
  seatCounts,
  signUpFor,
  type Headers,
} from './test-fixtures'
import { aHealthCentre } from '../../../test/support/seed-registry'

const { app } = useTestApp()
let centre: Awaited<ReturnType<typeof aHealthCentre>>
let otherCentre: Awaited<ReturnType<typeof aHealthCentre>>
let staff: Headers
let otherStaff: Headers

beforeAll(async () => {
  centre = await aHealthCentre(app)
  otherCentre = await aHealthCentre(app, { cityCode: '222400', districtCode: '222401', address: '延吉市测试路1号', lat: 42.9, lng: 129.5 })
  staff = (await signedInCentreStaff(app, centre.id)).headers
  otherStaff = (await signedInCentreStaff(app, otherCentre.id)).headers
})

const publish = (headers: Headers, body: object) => app.inject({ method: 'POST', url: '/api/centre/classes', headers, payload: body })
/** What a client does: read the class as staff, change some fields, send it all back. */
const edit = async (headers: Headers, id: string, changes: object) => replaceClass(app, headers, id, await replacementOf(app, staff, id, changes))
const roster = (headers: Headers, id: string) => app.inject({ method: 'GET', url: `/api/centre/classes/${id}/roster`, headers })
const attendance = (headers: Headers, signUpId: string, attended: boolean) =>
  app.inject({ method: 'POST', url: `/api/centre/sign-ups/${signUpId}/attendance`, headers, payload: { attended } })

describe('publishing a class', () => {
  it("defaults an offline class to the centre's address and position and the cut-off to 2 hours before", async () => {
    const created = await publish(staff, aClass(centre.id, { startsAt: chinaTime(4, 9, 30), endsAt: chinaTime(4, 11) }))
    expect(created.statusCode).toBe(201)
    expect(created.json()).toMatchObject({
      centre: { id: centre.id, name: centre.name, districtName: '朝阳区' },
      cityCode: '220100',
      districtCode: '220104',
      address: centre.address,
      lat: centre.lat,
      lng: centre.lng,
      status: 'scheduled',
      capacity: 30,
      confirmedCount: 0,
      seatsLeft: 30,
      waitingCount: 0,
      mySignUp: null,
      onlineUrl: null,
    })
    expect(Date.parse(created.json().cancellableUntil)).toBe(Date.parse(chinaTime(4, 7, 30)))
  })

  it('keeps an online class without a place, and shows its link to the staff', async () => {
    const created = await publish(staff, aClass(centre.id, { mode: 'online', venue: '腾讯会议', onlineUrl: 'https://meeting.example.cn/j/123' }))
    expect(created.statusCode).toBe(201)
    expect(created.json()).toMatchObject({ mode: 'online', address: null, lat: null, lng: null, onlineUrl: 'https://meeting.example.cn/j/123' })
  })

  it.each([
    ['a start in the past', { startsAt: hoursFromNow(-2), endsAt: hoursFromNow(-1) }, 'startsAt'],
    ['an end before the start', { startsAt: chinaTime(3, 14), endsAt: chinaTime(3, 13) }, 'endsAt'],
    ['a cut-off after the start', { cancellableUntil: chinaTime(3, 15) }, 'cancellableUntil'],
    ['ages the wrong way round', { minAgeMonths: 24, maxAgeMonths: 12 }, 'minAgeMonths'],
    ['a position without the other half', { lat: 43.9 }, 'lng'],
    ['an online link for an offline class', { onlineUrl: 'https://x.example.cn' }, 'onlineUrl'],
    ['an address for an online class', { mode: 'online', address: '长春市某路1号' }, 'address'],
    ['a title too short', { title: '课' }, 'title'],
    ['an unknown topic', { topic: 'astrology' }, 'topic'],
    ['no capacity', { capacity: 0 }, 'capacity'],
    ['a position outside Jilin', { lat: 30, lng: 120, address: '外省' }, 'lat'],
  ])('refuses %s with 400 naming the field', async (_case, overrides, field) => {
    const refused = await publish(staff, aClass(centre.id, overrides as object))
    expect(refused.statusCode).toBe(400)
    expect(refused.json().field).toBe(field)
  })

  it('is only for centre staff, only for their own centres', async () => {
    expect((await publish(otherStaff, aClass(centre.id))).statusCode).toBe(403)
    expect((await publish((await signedInUser(app)).headers, aClass(centre.id))).statusCode).toBe(403)
    expect((await app.inject({ method: 'POST', url: '/api/centre/classes', payload: aClass(centre.id) })).statusCode).toBe(401)
  })
})

describe('listing and changing classes', () => {
  it("lists the staff member's own centres' classes, upcoming or past", async () => {
    const upcoming = await published(app, staff, aClass(centre.id, { title: '即将开始的课' }))
    const past = await published(app, staff, aClass(centre.id, { title: '已结束的课' }))
    await moveClass(app, past, { startsAt: hoursFromNow(-30), endsAt: hoursFromNow(-29) })
    await published(app, otherStaff, aClass(otherCentre.id, { title: '延吉的课' }))

    const mine = (await app.inject({ method: 'GET', url: '/api/centre/classes', headers: staff })).json().items.map((c: { id: string }) => c.id)
    expect(mine).toContain(upcoming)
    expect(mine).not.toContain(past)
    const titles = (await app.inject({ method: 'GET', url: '/api/centre/classes?when=all', headers: staff }))
      .json()
      .items.map((c: { title: string }) => c.title)
    expect(titles).not.toContain('延吉的课')
    const pastOnly = (await app.inject({ method: 'GET', url: '/api/centre/classes?when=past', headers: staff })).json().items
    expect(pastOnly.map((c: { id: string }) => c.id)).toEqual([past])
    expect((await app.inject({ method: 'GET', url: `/api/centre/classes?centreId=${otherCentre.id}`, headers: staff })).statusCode).toBe(403)
  })

  it('promotes waiting parents at once when seats are added, and refuses fewer seats than are taken', async () => {
    const classId = await published(app, staff, aClass(centre.id, { capacity: 1 }))
    for (let i = 0; i < 4; i++) await signUpFor(app, (await aParent(app)).headers, classId)
    const more = await edit(staff, classId, { capacity: 3 })
    expect(more.statusCode).toBe(200)
    expect(more.json()).toMatchObject({ capacity: 3, confirmedCount: 3, seatsLeft: 0, waitingCount: 1 })
    expect(await seatCounts(app, classId)).toMatchObject({ counter: 3, confirmed: 3, waiting: 1 })

    const fewer = await edit(staff, classId, { capacity: 2 })
    expect(fewer.statusCode).toBe(409)
    expect(fewer.json().field).toBe('capacity')
    expect(fewer.json().message).toContain('已有 3 人报名成功')
  })

  it('replaces the whole class with PUT, checking the fields together', async () => {
    const classId = await published(app, staff, aClass(centre.id, { startsAt: chinaTime(3, 14), endsAt: chinaTime(3, 15, 30) }))
    const moved = await edit(staff, classId, { startsAt: chinaTime(6, 9), endsAt: chinaTime(6, 10, 30), cancellableUntil: chinaTime(6, 7) })
    expect(moved.statusCode).toBe(200)
    expect(moved.json()).toMatchObject({ startsAt: chinaTime(6, 9), endsAt: chinaTime(6, 10, 30), cancellableUntil: chinaTime(6, 7) })
    expect((await edit(staff, classId, { endsAt: chinaTime(6, 8) })).json().field).toBe('endsAt')
    expect((await edit(staff, classId, { cancellableUntil: chinaTime(6, 10) })).json().field).toBe('cancellableUntil')
    expect((await edit(staff, classId, { maxAgeMonths: 3, minAgeMonths: 6 })).json().field).toBe('minAgeMonths')
    expect((await replaceClass(app, staff, classId, {})).statusCode).toBe(400)
    // Every field is sent: one left out is refused, never reset to a default.
    const { description: _description, ...withoutDescription } = await replacementOf(app, staff, classId)
    const missing = await replaceClass(app, staff, classId, withoutDescription)
    expect(missing.statusCode).toBe(400)
    expect(missing.json().field).toBe('description')
    expect((await edit(staff, classId, { capacity: 40 })).json()).toMatchObject({
      capacity: 40,
      description: aClass(centre.id).description,
      title: '婴幼儿辅食添加与喂养',
    })
    const online = await edit(staff, classId, {
      mode: 'online',
      venue: '腾讯会议',
      onlineUrl: 'https://meeting.example.cn/j/9',
      address: null,
      lat: null,
      lng: null,
    })
    expect(online.json()).toMatchObject({ mode: 'online', address: null, lat: null, venue: '腾讯会议', onlineUrl: 'https://meeting.example.cn/j/9' })
    expect((await edit(staff, classId, { address: '长春市某路1号' })).json().field).toBe('address')
    // Back offline with no place given: the centre's.
    const backOffline = await edit(staff, classId, { mode: 'offline', venue: '中心二楼', onlineUrl: null })
    expect(backOffline.json()).toMatchObject({ mode: 'offline', address: centre.address, lat: centre.lat, onlineUrl: null })
  })

  it('keeps a start that has passed when the rest of the class changes', async () => {
    const classId = await published(app, staff, aClass(centre.id))
    await moveClass(app, classId, { startsAt: hoursFromNow(-1), endsAt: hoursFromNow(1) })
    const renamed = await edit(staff, classId, { title: '已开始的课改名' })
    expect(renamed.statusCode).toBe(200)
    expect(renamed.json().title).toBe('已开始的课改名')
  })

  it("is 403 for another centre's class and 404 for an unknown one", async () => {
    const classId = await published(app, staff, aClass(centre.id))
    expect((await edit(otherStaff, classId, { title: '改个名字' })).statusCode).toBe(403)
    expect((await app.inject({ method: 'GET', url: `/api/centre/classes/${classId}`, headers: otherStaff })).statusCode).toBe(403)
    expect((await roster(otherStaff, classId)).statusCode).toBe(403)
    expect(
      (await app.inject({ method: 'POST', url: `/api/centre/classes/${classId}/cancel`, headers: otherStaff, payload: { reason: '不是我的' } })).statusCode,
    ).toBe(403)
    const unknown = '00000000-0000-4000-8000-000000000000'
    expect((await replaceClass(app, staff, unknown, await replacementOf(app, staff, classId, { title: '改个名字' }))).statusCode).toBe(404)
  })
})

describe('cancelling a class', () => {
  it('ends every live sign-up as class_cancelled; the class stays readable with its reason', async () => {
    const classId = await published(app, staff, aClass(centre.id, { capacity: 1 }))
    const [seated, waiting] = [await aParent(app), await aParent(app)]
    await signUpFor(app, seated.headers, classId)
    await signUpFor(app, waiting.headers, classId)
    const cancelled = await app.inject({ method: 'POST', url: `/api/centre/classes/${classId}/cancel`, headers: staff, payload: { reason: '场地临时维修' } })
    expect(cancelled.statusCode).toBe(200)
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelReason: '场地临时维修', confirmedCount: 0, waitingCount: 0 })
    for (const parent of [seated, waiting]) {
      const mine = (await app.inject({ method: 'GET', url: '/api/sign-ups', headers: parent.headers })).json()
      expect(mine.past.map((s: { status: string }) => s.status)).toEqual(['class_cancelled'])
    }
    const again = await app.inject({ method: 'POST', url: `/api/centre/classes/${classId}/cancel`, headers: staff, payload: { reason: '场地临时维修' } })
    expect(again.statusCode).toBe(409)
    expect((await edit(staff, classId, { capacity: 10 })).statusCode).toBe(409)
    expect((await app.inject({ method: 'POST', url: `/api/centre/classes/${classId}/cancel`, headers: staff, payload: { reason: '' } })).json().field).toBe(
      'reason',
    )
  })
})

describe('roster and attendance', () => {
  it('lists seats first, then the waiting list in order, then cancellations, with masked phones and ages at the class', async () => {
    const classId = await published(app, staff, aClass(centre.id, { capacity: 1 }))
    const first = await aParent(app)
    const child = await aChild(app, first.userId, bornMonthsAgo(14), '豆豆')
    const seat = (await signUpFor(app, first.headers, classId, { childId: child.id, subscribed: [] })).json()
    const second = await aParent(app)
    const third = await aParent(app)
    const secondSignUp = (await signUpFor(app, second.headers, classId)).json()
    const thirdSignUp = (await signUpFor(app, third.headers, classId)).json()
    await app.inject({ method: 'POST', url: `/api/sign-ups/${secondSignUp.id}/cancel`, headers: second.headers })

    const list = await roster(staff, classId)
    expect(list.statusCode).toBe(200)
    expect(list.json()).toMatchObject({ classId, capacity: 1, confirmedCount: 1, waitingCount: 1 })
    expect(list.json().items.map((e: { id: string; status: string; waitingPosition: number | null }) => [e.id, e.status, e.waitingPosition])).toEqual([
      [seat.id, 'confirmed', null],
      [thirdSignUp.id, 'waiting', 1],
      [secondSignUp.id, 'cancelled', null],
    ])
    const [entry] = list.json().items
    expect(entry.parentPhoneMasked).toBe(`${first.phone.slice(0, 3)}****${first.phone.slice(-4)}`)
    expect(entry.childNickname).toBe('豆豆')
    expect([14, 15]).toContain(entry.childAgeMonths)
  })

  it('marks attendance only for seats, only once the class has started, only at the own centre', async () => {
    const classId = await published(app, staff, aClass(centre.id, { capacity: 1 }))
    const [seated, waiting] = [await aParent(app), await aParent(app)]
    const seat = (await signUpFor(app, seated.headers, classId)).json()
    const place = (await signUpFor(app, waiting.headers, classId)).json()
    const early = await attendance(staff, seat.id, true)
    expect(early.statusCode).toBe(409)
    expect(early.json().message).toContain('开始后')

    await moveClass(app, classId, { startsAt: hoursFromNow(-1), endsAt: hoursFromNow(0.5) })
    const marked = await attendance(staff, seat.id, true)
    expect(marked.statusCode).toBe(200)
    expect(marked.json()).toMatchObject({ id: seat.id, status: 'attended' })
    expect((await attendance(staff, seat.id, false)).json().status).toBe('absent')
    expect((await attendance(staff, place.id, true)).statusCode).toBe(409)
    expect((await attendance(otherStaff, seat.id, true)).statusCode).toBe(403)
    expect((await attendance(staff, '00000000-0000-4000-8000-000000000000', true)).statusCode).toBe(404)
    expect(await seatCounts(app, classId)).toMatchObject({ counter: 1, confirmed: 0 })
    const mine = (await app.inject({ method: 'GET', url: '/api/sign-ups', headers: seated.headers })).json()
    expect(mine.past.map((s: { status: string }) => s.status)).toEqual(['absent'])
  })
})
