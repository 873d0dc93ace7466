import { requestsOf as guidanceRequestsForExport } from './views'
import { aRequest, centreList, myRequest, parentWithChild, requested, schedule, seedCentres } from './test-fixtures'
import { signedInCentreStaff, useTestApp } from '../../../test/support/test-app'

const { app } = useTestApp()
let centres: Awaited<ReturnType<typeof seedCentres>>

beforeAll(async () => {
  centres = await seedCentres(app)
})

const rowsOf = async (ids: string[]) => ({
  requests: (await app.database.db.selectFrom('guidanceRequests').select('id').where('id', 'in', ids).execute()).length,
  events: (await app.database.db.selectFrom('guidanceEvents').select('id').where('requestId', 'in', ids).execute()).length,
})

describe("guidance requests in the parent's data", () => {
  it('puts every request of the parent, with its history, in the account export (GET /api/me/export) exactly as the parent sees them', async () => {
    const parent = await parentWithChild(app)
    const staff = await signedInCentreStaff(app, centres.chaoyang)
    const first = await requested(app, parent.headers, aRequest(parent.childId))
    await schedule(app, staff.headers, first, centres.chaoyang)
    const second = await requested(app, parent.headers, aRequest(parent.childId, { service: 'vaccination_advice' }))
    const other = await parentWithChild(app)
    await requested(app, other.headers, aRequest(other.childId))

    const download = await app.inject({ method: 'GET', url: '/api/me/export', headers: parent.headers })
    expect(download.statusCode).toBe(200)
    const exported = download.json().guidanceRequests as Array<{ id: string; history: Array<{ status: string }> }>
    expect(exported.map((r) => r.id).sort()).toEqual([first, second].sort())
    expect(exported.find((r) => r.id === first)).toEqual((await myRequest(app, parent.headers, first)).json())
    expect(await guidanceRequestsForExport(app.database.db, other.userId)).toHaveLength(1)
    expect(exported.find((r) => r.id === first)!.history.map((e) => e.status)).toEqual(['requested', 'scheduled'])
  })

  it('goes with the account: deleting it removes the requests and their history, and the centre no longer sees them', async () => {
    const parent = await parentWithChild(app)
    const staff = await signedInCentreStaff(app, centres.chaoyang)
    const ids = [await requested(app, parent.headers, aRequest(parent.childId)), await requested(app, parent.headers, aRequest(parent.childId))]
    await schedule(app, staff.headers, ids[0], centres.chaoyang)
    const other = await parentWithChild(app)
    const kept = await requested(app, other.headers, aRequest(other.childId))

    expect((await app.inject({ method: 'DELETE', url: '/api/me', headers: parent.headers })).statusCode).toBe(204)
    expect(await rowsOf(ids)).toEqual({ requests: 0, events: 0 })
    const stillListed = (await centreList(app, staff.headers)).json().items.map((r: { id: string }) => r.id)
    expect(stillListed).not.toEqual(expect.arrayContaining([ids[0]]))
    expect(stillListed).toContain(kept)
  })

  // The request is about that child (the centre sees its nickname and age): deleting the child's data deletes it,
  // even when a visit is scheduled, rather than keeping a cancelled request about a child whose data is gone.
  it('goes with the child: deleting the child, or withdrawing the child-data consent, removes even an open request', async () => {
    const parent = await parentWithChild(app)
    const sibling = (
      await app.inject({ method: 'POST', url: '/api/me/children', headers: parent.headers, payload: { nickname: '乐乐', birthMonth: '2024-05' } })
    ).json().id
    const staff = await signedInCentreStaff(app, centres.chaoyang)
    const forChild = await requested(app, parent.headers, aRequest(parent.childId))
    await schedule(app, staff.headers, forChild, centres.chaoyang)
    const forSibling = await requested(app, parent.headers, aRequest(sibling))

    expect((await app.inject({ method: 'DELETE', url: `/api/me/children/${parent.childId}`, headers: parent.headers })).statusCode).toBe(204)
    expect(await rowsOf([forChild])).toEqual({ requests: 0, events: 0 })
    expect((await myRequest(app, parent.headers, forChild)).statusCode).toBe(404)
    expect((await myRequest(app, parent.headers, forSibling)).statusCode).toBe(200)

    const version = (await app.inject('/api/privacy-policy')).json().version
    await app.inject({ method: 'POST', url: '/api/me/consents', headers: parent.headers, payload: { kind: 'child_data', version, action: 'withdraw' } })
    expect(await rowsOf([forSibling])).toEqual({ requests: 0, events: 0 })
  })

  it("keeps a family's history when the staff member who scheduled the visit deletes their account", async () => {
    const parent = await parentWithChild(app)
    const staff = await signedInCentreStaff(app, centres.chaoyang)
    const id = await requested(app, parent.headers, aRequest(parent.childId))
    await schedule(app, staff.headers, id, centres.chaoyang)
    expect((await app.inject({ method: 'DELETE', url: '/api/me', headers: staff.headers })).statusCode).toBe(204)
    const seen = (await myRequest(app, parent.headers, id)).json()
    expect(seen).toMatchObject({ status: 'scheduled', staffName: '王医生' })
    expect(seen.history.map((e: { status: string }) => e.status)).toEqual(['requested', 'scheduled'])
  })
})
