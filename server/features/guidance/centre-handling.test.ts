import { signedInCentreStaff, useTestApp } from '../../../test/support/test-app'
import {
  aRequest,
  act,
  cancel,
  centreList,
  decline,
  hoursFromNow,
  myRequest,
  parentWithChild,
  requested,
  schedule,
  seedCentres,
  type User,
} from './test-fixtures'

const { app } = useTestApp()
let centres: Awaited<ReturnType<typeof seedCentres>>
let parent: Awaited<ReturnType<typeof parentWithChild>>
let chaoyangStaff: User

beforeAll(async () => {
  centres = await seedCentres(app)
  parent = await parentWithChild(app)
  chaoyangStaff = await signedInCentreStaff(app, centres.chaoyang)
})

/** A new request in 朝阳区 (each test files its own; a parent keeps at most 3 open, so each gets a new parent). */
async function aChaoyangRequest(overrides = {}) {
  const family = await parentWithChild(app)
  return { family, id: await requested(app, family.headers, aRequest(family.childId, overrides)) }
}
const statusOf = async (id: string) =>
  (await app.database.db.selectFrom('guidanceRequests').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status
const ids = (response: { json(): { items: Array<{ id: string }> } }) => response.json().items.map((r) => r.id)

describe('who handles home guidance', () => {
  it('answers 401 without a token and 403 to a parent', async () => {
    const { id } = await aChaoyangRequest()
    expect((await app.inject('/api/centre/guidance-requests')).statusCode).toBe(401)
    expect((await centreList(app, parent.headers)).statusCode).toBe(403)
    expect((await schedule(app, parent.headers, id, centres.chaoyang)).statusCode).toBe(403)
    expect(await statusOf(id)).toBe('requested')
  })

  it("lists requests of their centres' districts only, oldest first, with the phone and address for the visit", async () => {
    const older = await aChaoyangRequest()
    const newer = await aChaoyangRequest({ contactPhone: '13700002222' })
    const nanguan = await aChaoyangRequest({ districtCode: '220102' })
    const yanji = await aChaoyangRequest({ districtCode: '222401' })
    await app.database.db.updateTable('guidanceRequests').set({ createdAt: '2026-01-01T00:00:00.000Z' }).where('id', '=', older.id).execute()

    const list = await centreList(app, chaoyangStaff.headers)
    expect(list.statusCode).toBe(200)
    const mine = ids(list)
    expect(mine.indexOf(older.id)).toBeLessThan(mine.indexOf(newer.id))
    expect(mine).not.toContain(nanguan.id)
    expect(mine).not.toContain(yanji.id)
    expect(list.json().items.find((r: { id: string }) => r.id === newer.id)).toMatchObject({
      contactPhone: '13700002222',
      address: '长春市朝阳区红旗街1号3单元502',
      child: { nickname: '豆豆' },
      history: [{ status: 'requested' }],
    })
    expect(list.headers['cache-control']).toBe('no-store')

    // Staff of two centres see both areas; the status filter narrows the list.
    const twoAreas = await signedInCentreStaff(app, centres.nanguan, centres.yanji)
    expect(ids(await centreList(app, twoAreas.headers))).toEqual(expect.arrayContaining([nanguan.id, yanji.id]))
    expect(ids(await centreList(app, twoAreas.headers))).not.toContain(older.id)
    await cancel(app, older.family.headers, older.id)
    const cancelled = ids(await centreList(app, chaoyangStaff.headers, '?status=cancelled'))
    expect(cancelled).toContain(older.id)
    expect(cancelled).not.toContain(newer.id)
    expect((await centreList(app, chaoyangStaff.headers, '?status=lost')).json().field).toBe('status')
  })

  it("answers 404 to staff outside the request's area, for every action, and changes nothing", async () => {
    const { id } = await aChaoyangRequest()
    const yanjiStaff = await signedInCentreStaff(app, centres.yanji)
    expect((await schedule(app, yanjiStaff.headers, id, centres.yanji)).statusCode).toBe(404)
    expect((await decline(app, yanjiStaff.headers, id, centres.yanji)).statusCode).toBe(404)
    expect((await act(app, yanjiStaff.headers, id, 'complete', {})).statusCode).toBe(404)
    expect((await schedule(app, chaoyangStaff.headers, '00000000-0000-4000-8000-000000000000', centres.chaoyang)).statusCode).toBe(404)
    expect(await statusOf(id)).toBe('requested')
  })

  it('lets staff act only for their own centre (403 naming centreId), one covering the district (400 naming centreId)', async () => {
    const { id } = await aChaoyangRequest()
    const notTheirs = await schedule(app, chaoyangStaff.headers, id, centres.chaoyangOther)
    expect(notTheirs.statusCode).toBe(403)
    expect(notTheirs.json().field).toBe('centreId')
    expect((await decline(app, chaoyangStaff.headers, id, centres.chaoyangOther)).json()).toMatchObject({ statusCode: 403, field: 'centreId' })

    const chaoyangAndNanguan = await signedInCentreStaff(app, centres.chaoyang, centres.nanguan)
    expect((await schedule(app, chaoyangAndNanguan.headers, id, centres.nanguan)).json()).toMatchObject({ statusCode: 400, field: 'centreId' })
    expect((await decline(app, chaoyangAndNanguan.headers, id, centres.nanguan)).json()).toMatchObject({ statusCode: 400, field: 'centreId' })
    expect(await statusOf(id)).toBe('requested')
  })
})

describe('scheduling, declining and completing', () => {
  it('schedules a visit in the future, with bad input 400 naming the field', async () => {
    const { family, id } = await aChaoyangRequest()
    for (const [overrides, field] of [
      [{ scheduledAt: hoursFromNow(-1) }, 'scheduledAt'],
      [{ scheduledAt: 'tomorrow' }, 'scheduledAt'],
      [{ staffName: '王' }, 'staffName'],
      [{ staffName: '   ' }, 'staffName'],
      [{ centreId: 'x' }, 'centreId'],
    ] as const) {
      expect((await schedule(app, chaoyangStaff.headers, id, centres.chaoyang, overrides)).json()).toMatchObject({ statusCode: 400, field })
    }
    const scheduledAt = '2030-03-05T01:30:00.000Z'
    const response = await schedule(app, chaoyangStaff.headers, id, centres.chaoyang, { scheduledAt, staffName: ' 李护士 ' })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ status: 'scheduled', scheduledAt, staffName: '李护士', centre: { id: centres.chaoyang, phone: '0431-80000000' } })

    // The family sees the same, with the time in China time in the history.
    const seen = (await myRequest(app, family.headers, id)).json()
    expect(seen).toMatchObject({ status: 'scheduled', scheduledAt, staffName: '李护士', centre: { id: centres.chaoyang } })
    expect(seen.history.map((e: { status: string }) => e.status)).toEqual(['requested', 'scheduled'])
    expect(seen.history[1].note).toContain('2030-03-05 09:30')
    expect(seen.history[1].note).toContain('李护士')
  })

  it('reschedules, keeping every step in the history', async () => {
    const { family, id } = await aChaoyangRequest()
    await schedule(app, chaoyangStaff.headers, id, centres.chaoyang, { scheduledAt: '2030-03-05T01:30:00.000Z' })
    const moved = await schedule(app, chaoyangStaff.headers, id, centres.chaoyang, { scheduledAt: '2030-03-07T06:00:00.000Z', staffName: '赵医生' })
    expect(moved.json()).toMatchObject({ status: 'scheduled', scheduledAt: '2030-03-07T06:00:00.000Z', staffName: '赵医生' })
    const history = (await myRequest(app, family.headers, id)).json().history
    expect(history.map((e: { status: string }) => e.status)).toEqual(['requested', 'scheduled', 'scheduled'])
    expect(history[1].note).toContain('2030-03-05 09:30')
    expect(history[2].note).toContain('2030-03-07 14:00')
  })

  it('declines with the reason the family sees; a declined visit has no time or staff any more', async () => {
    const { family, id } = await aChaoyangRequest()
    await schedule(app, chaoyangStaff.headers, id, centres.chaoyang)
    const declined = await decline(app, chaoyangStaff.headers, id, centres.chaoyang, '  上门医生临时出差，请重新申请 ')
    expect(declined.json()).toMatchObject({
      status: 'declined',
      declineReason: '上门医生临时出差，请重新申请',
      scheduledAt: null,
      staffName: null,
      centre: { id: centres.chaoyang },
    })
    const seen = (await myRequest(app, family.headers, id)).json()
    expect(seen.history.map((e: { status: string; note: string | null }) => [e.status, e.note])).toEqual([
      ['requested', null],
      ['scheduled', expect.any(String)],
      ['declined', '上门医生临时出差，请重新申请'],
    ])
    expect((await decline(app, chaoyangStaff.headers, (await aChaoyangRequest()).id, centres.chaoyang, '  ')).json().field).toBe('reason')
  })

  it('completes only a scheduled visit, by the centre that scheduled it, with an optional note', async () => {
    const { family, id } = await aChaoyangRequest()
    expect((await act(app, chaoyangStaff.headers, id, 'complete')).statusCode).toBe(409)
    await schedule(app, chaoyangStaff.headers, id, centres.chaoyang)
    const otherCentreSameDistrict = await signedInCentreStaff(app, centres.chaoyangOther)
    expect((await act(app, otherCentreSameDistrict.headers, id, 'complete')).statusCode).toBe(403)

    const done = await act(app, chaoyangStaff.headers, id, 'complete', { note: '生长发育正常，建议增加户外活动' })
    expect(done.statusCode).toBe(200)
    expect(done.json().status).toBe('done')
    const history = (await myRequest(app, family.headers, id)).json().history
    expect(history.at(-1)).toMatchObject({ status: 'done', note: '生长发育正常，建议增加户外活动' })

    // Without a body the note is simply empty.
    const second = await aChaoyangRequest()
    await schedule(app, chaoyangStaff.headers, second.id, centres.chaoyang)
    expect((await act(app, chaoyangStaff.headers, second.id, 'complete')).json().history.at(-1)).toMatchObject({ status: 'done', note: null })
  })
})

describe('allowed transitions', () => {
  type Status = 'requested' | 'scheduled' | 'done' | 'declined' | 'cancelled'
  type Action = 'schedule' | 'decline' | 'complete' | 'cancel'
  // The rule of the issue, written out: anything not listed answers 409.
  const ALLOWED: Record<Status, Action[]> = {
    requested: ['schedule', 'decline', 'cancel'],
    scheduled: ['schedule', 'decline', 'complete', 'cancel'],
    done: [],
    declined: [],
    cancelled: [],
  }
  const STATUS_NAMES: Record<Status, string> = { requested: '待安排', scheduled: '已安排', done: '已完成', declined: '已婉拒', cancelled: '已取消' }

  async function requestIn(status: Status) {
    const request = await aChaoyangRequest()
    if (status !== 'requested') await schedule(app, chaoyangStaff.headers, request.id, centres.chaoyang)
    if (status === 'done') await act(app, chaoyangStaff.headers, request.id, 'complete')
    if (status === 'declined') await decline(app, chaoyangStaff.headers, request.id, centres.chaoyang)
    if (status === 'cancelled') await cancel(app, request.family.headers, request.id)
    expect(await statusOf(request.id)).toBe(status)
    return request
  }

  const perform = (action: Action, request: Awaited<ReturnType<typeof aChaoyangRequest>>) => {
    if (action === 'cancel') return cancel(app, request.family.headers, request.id)
    if (action === 'schedule') return schedule(app, chaoyangStaff.headers, request.id, centres.chaoyang)
    if (action === 'decline') return decline(app, chaoyangStaff.headers, request.id, centres.chaoyang)
    return act(app, chaoyangStaff.headers, request.id, 'complete')
  }

  for (const status of Object.keys(ALLOWED) as Status[]) {
    it(`from ${status}: ${ALLOWED[status].join(', ') || 'nothing'}; every other action is 409 and changes nothing`, async () => {
      for (const action of ['schedule', 'decline', 'complete', 'cancel'] as Action[]) {
        const request = await requestIn(status)
        const events = (await myRequest(app, request.family.headers, request.id)).json().history.length
        const response = await perform(action, request)
        const after = (await myRequest(app, request.family.headers, request.id)).json()
        if (ALLOWED[status].includes(action)) {
          expect([action, response.statusCode]).toEqual([action, 200])
          expect(after.history).toHaveLength(events + 1)
        } else {
          expect([action, response.statusCode]).toEqual([action, 409])
          expect(response.json().message).toContain(STATUS_NAMES[status])
          expect(after.status).toBe(status)
          expect(after.history).toHaveLength(events)
        }
      }
    })
  }

  it('a cancelled request cannot be scheduled by the centre', async () => {
    const { family, id } = await aChaoyangRequest()
    await cancel(app, family.headers, id)
    const refused = await schedule(app, chaoyangStaff.headers, id, centres.chaoyang)
    expect(refused.statusCode).toBe(409)
    expect(refused.json().message).toContain('已取消')
  })
})
