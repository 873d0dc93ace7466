import { wxRequestWithoutData } from '../../../test/support/wx-request'
import { acceptConsents, addChild } from '../me/test-fixtures'
import { aRequest, cancel, chinaDay, decline, fileRequest, myRequest, parentWithChild, requested, schedule, seedCentres } from './test-fixtures'
import { signedInCentreStaff, signedInUser, useTestApp } from '../../../test/support/test-app'

const { app } = useTestApp()
let centres: Awaited<ReturnType<typeof seedCentres>>

beforeAll(async () => {
  centres = await seedCentres(app)
})

const fieldOf = async (response: ReturnType<typeof fileRequest>) => {
  const answer = await response
  return { statusCode: answer.statusCode, field: answer.json().field }
}

describe('POST /api/guidance-requests', () => {
  it("files a request for one of the parent's children and shows it with its history", async () => {
    const parent = await parentWithChild(app, { nickname: '豆豆', birthMonth: '2025-09' })
    const response = await fileRequest(
      app,
      parent.headers,
      aRequest(parent.childId, {
        service: 'growth_monitoring',
        timeWindows: [
          { date: chinaDay(3), period: 'evening' },
          { date: chinaDay(2), period: 'afternoon' },
          { date: chinaDay(3), period: 'morning' },
        ],
      }),
    )
    expect(response.statusCode).toBe(201)
    const body = response.json()
    expect(body).toMatchObject({
      service: 'growth_monitoring',
      status: 'requested',
      child: { id: parent.childId, nickname: '豆豆', birthMonth: '2025-09' },
      districtCode: '220104',
      districtName: '朝阳区',
      address: '长春市朝阳区红旗街1号3单元502',
      contactPhone: '13900001111',
      note: '孩子下午一般在睡觉',
      centre: null,
      scheduledAt: null,
      staffName: null,
      declineReason: null,
    })
    // In calendar order, whatever order they were picked in.
    expect(body.timeWindows).toEqual([
      { date: chinaDay(2), period: 'afternoon' },
      { date: chinaDay(3), period: 'morning' },
      { date: chinaDay(3), period: 'evening' },
    ])
    expect(body.history).toEqual([{ status: 'requested', at: body.createdAt, note: null }])
    expect((await myRequest(app, parent.headers, body.id)).json()).toEqual(body)
  })

  it('answers 401 without a token', async () => {
    expect((await fileRequest(app, {} as never, aRequest('00000000-0000-4000-8000-000000000000'))).statusCode).toBe(401)
    expect((await app.inject('/api/guidance-requests')).statusCode).toBe(401)
  })

  it("answers 404 naming childId for another family's child or an unknown one", async () => {
    const parent = await parentWithChild(app)
    const other = await parentWithChild(app)
    for (const childId of [other.childId, '00000000-0000-4000-8000-000000000000']) {
      const response = await fileRequest(app, parent.headers, aRequest(childId))
      expect(response.statusCode).toBe(404)
      expect(response.json().field).toBe('childId')
    }
    expect((await app.inject({ url: '/api/guidance-requests', headers: other.headers })).json().items).toEqual([])
  })

  it("refuses without the guardian's child-data consent (403 ConsentRequired), and works again once given", async () => {
    const parent = await parentWithChild(app)
    const version = (await app.inject('/api/privacy-policy')).json().version
    await app.inject({ method: 'POST', url: '/api/me/consents', headers: parent.headers, payload: { kind: 'child_data', version, action: 'withdraw' } })
    const refused = await fileRequest(app, parent.headers, aRequest(parent.childId))
    expect(refused.statusCode).toBe(403)
    expect(refused.json()).toMatchObject({ error: 'ConsentRequired', message: expect.stringContaining('撤回') })

    const neverAsked = await signedInUser(app)
    await acceptConsents(app, neverAsked.headers, ['privacy_policy'])
    expect((await fileRequest(app, neverAsked.headers, aRequest(parent.childId))).json().error).toBe('ConsentRequired')

    await acceptConsents(app, parent.headers, ['child_data'])
    const child = (await addChild(app, parent.headers, { nickname: '乐乐', birthMonth: '2025-01' })).json()
    expect((await fileRequest(app, parent.headers, aRequest(child.id))).statusCode).toBe(201)
  })

  it('takes only a district of Jilin: a 市州, an unknown or a malformed code is 400 naming districtCode', async () => {
    const parent = await parentWithChild(app)
    for (const districtCode of ['220100', '222400', '110105', '229999', '22010']) {
      expect(await fieldOf(fileRequest(app, parent.headers, aRequest(parent.childId, { districtCode })))).toEqual({ statusCode: 400, field: 'districtCode' })
    }
    const yanji = await fileRequest(app, parent.headers, aRequest(parent.childId, { districtCode: '222401' }))
    expect(yanji.json()).toMatchObject({ districtCode: '222401', districtName: '延吉市' })
  })

  it('takes windows from tomorrow to 60 days ahead, each once; anything else is 400 naming timeWindows', async () => {
    const parent = await parentWithChild(app)
    const windows = (...list: Array<[number, string]>) =>
      aRequest(parent.childId, { timeWindows: list.map(([days, period]) => ({ date: chinaDay(days), period })) as never })
    for (const body of [
      windows([0, 'evening']),
      windows([-1, 'morning']),
      windows([61, 'morning']),
      windows([5, 'morning'], [5, 'morning']),
      windows(),
      windows([5, 'night']),
      aRequest(parent.childId, { timeWindows: [{ date: '2026-02-30', period: 'morning' }] }),
      windows([1, 'morning'], [2, 'morning'], [3, 'morning'], [4, 'morning'], [5, 'morning'], [6, 'morning'], [7, 'morning']),
    ]) {
      expect(await fieldOf(fileRequest(app, parent.headers, body))).toEqual({ statusCode: 400, field: 'timeWindows' })
    }
    expect((await fileRequest(app, parent.headers, windows([1, 'morning'], [60, 'evening'], [1, 'evening']))).statusCode).toBe(201)
  })

  it('names the field of other bad input: address, contactPhone, service', async () => {
    const parent = await parentWithChild(app)
    expect(await fieldOf(fileRequest(app, parent.headers, aRequest(parent.childId, { address: '   朝阳  ' })))).toEqual({ statusCode: 400, field: 'address' })
    expect(await fieldOf(fileRequest(app, parent.headers, aRequest(parent.childId, { contactPhone: '0431-8888' })))).toEqual({
      statusCode: 400,
      field: 'contactPhone',
    })
    expect(await fieldOf(fileRequest(app, parent.headers, aRequest(parent.childId, { service: 'massage' as never })))).toEqual({
      statusCode: 400,
      field: 'service',
    })
  })

  it('keeps at most 3 open requests per parent (409); cancelled, declined and done ones do not count', async () => {
    const parent = await parentWithChild(app)
    const staff = await signedInCentreStaff(app, centres.chaoyang)
    const ids = [await requested(app, parent.headers, aRequest(parent.childId)), await requested(app, parent.headers, aRequest(parent.childId))]
    ids.push(await requested(app, parent.headers, aRequest(parent.childId)))
    expect((await schedule(app, staff.headers, ids[0], centres.chaoyang)).statusCode).toBe(200)
    const fourth = await fileRequest(app, parent.headers, aRequest(parent.childId))
    expect(fourth.statusCode).toBe(409)
    expect(fourth.json().message).toContain('3 个未完成')

    await cancel(app, parent.headers, ids[1])
    const replacement = await requested(app, parent.headers, aRequest(parent.childId))
    expect((await fileRequest(app, parent.headers, aRequest(parent.childId))).statusCode).toBe(409)
    await decline(app, staff.headers, replacement, centres.chaoyang)
    await app.inject({ method: 'POST', url: `/api/centre/guidance-requests/${ids[0]}/complete`, headers: staff.headers })
    expect((await fileRequest(app, parent.headers, aRequest(parent.childId))).statusCode).toBe(201)
    // The limit is the parent's own: another family is not affected.
    const other = await parentWithChild(app)
    expect((await fileRequest(app, other.headers, aRequest(other.childId))).statusCode).toBe(201)
  })

  it('holds the limit when a parent files many at once: exactly 3 are taken', async () => {
    const parent = await parentWithChild(app)
    const answers = await Promise.all(Array.from({ length: 8 }, () => fileRequest(app, parent.headers, aRequest(parent.childId))))
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 201, 201, 409, 409, 409, 409, 409])
    expect((await app.inject({ url: '/api/guidance-requests', headers: parent.headers })).json().items).toHaveLength(3)
  })
})

describe("a parent's own requests", () => {
  it('lists them newest first', async () => {
    const parent = await parentWithChild(app)
    const first = await requested(app, parent.headers, aRequest(parent.childId, { service: 'health_check' }))
    const second = await requested(app, parent.headers, aRequest(parent.childId, { service: 'feeding_guidance' }))
    await app.database.db.updateTable('guidanceRequests').set({ createdAt: '2026-01-01T00:00:00.000Z' }).where('id', '=', first).execute()
    const items = (await app.inject({ url: '/api/guidance-requests', headers: parent.headers })).json().items
    expect(items.map((r: { id: string }) => r.id)).toEqual([second, first])
  })

  it("answers 404 for another parent's request, as for an unknown one, to read or to cancel", async () => {
    const owner = await parentWithChild(app)
    const id = await requested(app, owner.headers, aRequest(owner.childId))
    const other = await parentWithChild(app)
    for (const target of [id, '00000000-0000-4000-8000-000000000000']) {
      expect((await myRequest(app, other.headers, target)).statusCode).toBe(404)
      expect((await cancel(app, other.headers, target)).statusCode).toBe(404)
    }
    expect((await myRequest(app, owner.headers, id)).json().status).toBe('requested')
    expect((await myRequest(app, owner.headers, 'not-a-uuid')).json().field).toBe('id')
  })

  it('cancels a requested or scheduled request, keeps the step in the history, and refuses to cancel twice (409)', async () => {
    const parent = await parentWithChild(app)
    const staff = await signedInCentreStaff(app, centres.chaoyang)
    const waiting = await requested(app, parent.headers, aRequest(parent.childId))
    const cancelled = await cancel(app, parent.headers, waiting)
    expect(cancelled.statusCode).toBe(200)
    expect(cancelled.json().history.map((e: { status: string }) => e.status)).toEqual(['requested', 'cancelled'])
    expect((await cancel(app, parent.headers, waiting)).statusCode).toBe(409)

    const visit = await requested(app, parent.headers, aRequest(parent.childId))
    await schedule(app, staff.headers, visit, centres.chaoyang)
    const afterSchedule = (await cancel(app, parent.headers, visit)).json()
    expect(afterSchedule).toMatchObject({ status: 'cancelled', staffName: '王医生' })
    expect(afterSchedule.history.map((e: { status: string }) => e.status)).toEqual(['requested', 'scheduled', 'cancelled'])
  })

  it('cancels as wx.request sends it (JSON content type, no body)', async () => {
    const parent = await parentWithChild(app)
    const id = await requested(app, parent.headers, aRequest(parent.childId))
    const cancelled = await wxRequestWithoutData(app, 'POST', `/api/guidance-requests/${id}/cancel`, parent.headers)
    expect(cancelled.statusCode).toBe(200)
    expect(cancelled.json().status).toBe('cancelled')
  })
})
