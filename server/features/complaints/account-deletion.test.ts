import { aFiling, complaintRow, eventsOf, filed, seedInstitutions } from './test-fixtures'
import { signedInRegulator, signedInUser, useTestApp } from '../../../test/support/test-app'

const { app } = useTestApp()
let ids: Awaited<ReturnType<typeof seedInstitutions>>

beforeAll(async () => {
  ids = await seedInstitutions(app)
})

describe('deleting an account (DELETE /api/me)', () => {
  it("keeps the reporter's complaint on record, unlinked and without their phone; the secret still works", async () => {
    const reporter = await signedInUser(app)
    const { trackingNumber, secret } = await filed(app, aFiling(ids.nonprofit, { contactPhone: '13900005555' }), reporter.headers)
    await app.inject({ method: 'POST', url: `/api/complaints/${trackingNumber}/additions`, headers: reporter.headers, payload: { text: '补充材料。' } })
    const id = (await complaintRow(app, trackingNumber)).id
    expect((await eventsOf(app, id)).filter((e) => e.actorUserId === reporter.userId)).toHaveLength(2)
    const exported = (await app.inject({ method: 'GET', url: '/api/me/export', headers: reporter.headers })).json()
    expect(exported.complaints).toEqual([expect.objectContaining({ trackingNumber, contactPhone: '13900005555', status: 'submitted' })])

    expect((await app.inject({ method: 'DELETE', url: '/api/me', headers: reporter.headers })).statusCode).toBe(204)

    expect(await complaintRow(app, trackingNumber)).toMatchObject({
      id,
      reporterUserId: null,
      contactPhone: null,
      description: aFiling(ids.nonprofit).description,
    })
    const events = await eventsOf(app, id)
    expect(events.map((e) => [e.type, e.actor, e.actorUserId])).toEqual([
      ['submitted', 'reporter', null],
      ['addition', 'reporter', null],
    ])
    expect((await app.inject({ method: 'POST', url: '/api/complaints/track', payload: { trackingNumber, secret } })).statusCode).toBe(200)
  })

  it("keeps a regulator's steps in the audit trail without their user id", async () => {
    const regulator = await signedInRegulator(app, '220100')
    const { trackingNumber } = await filed(app, aFiling(ids.nonprofit, { anonymous: true }), regulator.headers)
    // Anonymous means linked to nobody, not even in the filer's own export.
    expect((await app.inject({ method: 'GET', url: '/api/me/export', headers: regulator.headers })).json().complaints).toEqual([])
    await app.inject({ method: 'POST', url: `/api/admin/complaints/${trackingNumber}/accept`, headers: regulator.headers, payload: {} })
    expect((await app.inject({ method: 'DELETE', url: '/api/me', headers: regulator.headers })).statusCode).toBe(204)
    const events = await eventsOf(app, (await complaintRow(app, trackingNumber)).id)
    expect(events.map((e) => [e.type, e.actor, e.actorUserId])).toEqual([
      ['submitted', 'system', null],
      ['accepted', 'regulator', null],
    ])
  })
})
