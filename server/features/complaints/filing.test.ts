import { randomUUID } from 'node:crypto'
import { Writable } from 'node:stream'
import { buildApp } from '../../app'
import { aFiling, complaintRow, deliveriesOf, eventsOf, fileComplaint, filed, seedInstitutions, uploadedPhoto } from './test-fixtures'
import { signedInUser, useTestApp } from '../../../test/support/test-app'

const { app, testDb } = useTestApp()
let ids: Awaited<ReturnType<typeof seedInstitutions>>

beforeAll(async () => {
  ids = await seedInstitutions(app)
})

const countComplaints = async (key: string) =>
  (
    await app.database.db
      .selectFrom('complaints')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('idempotencyKey', '=', key)
      .executeTakeFirstOrThrow()
  ).n

describe('POST /api/complaints: filing', () => {
  it('files a signed-in, named complaint: tracking number, secret, routing and deadlines', async () => {
    const parent = await signedInUser(app)
    const response = await fileComplaint(app, aFiling(ids.forprofit, { contactPhone: '13900001111' }), { headers: parent.headers })
    expect(response.statusCode).toBe(201)
    const body = response.json()
    expect(body).toMatchObject({ status: 'submitted', urgent: false, departments: ['market_regulation'] })
    expect(body.trackingNumber).toMatch(/^TS\d{8}[A-HJ-NP-Z2-9]{6}$/)
    expect(body.secret).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/)

    const row = await complaintRow(app, body.trackingNumber)
    expect(row).toMatchObject({
      reporterUserId: parent.userId,
      contactPhone: '13900001111',
      anonymous: false,
      cityCode: '220100',
      institutionId: ids.forprofit,
    })
    expect(row.secretHash).not.toContain(body.secret.replace(/-/g, ''))
    const filedOn = new Date(Date.parse(row.filedAt) + 8 * 3600_000).toISOString().slice(0, 10)
    const plus = (days: number) => new Date(Date.parse(filedOn) + days * 86400_000).toISOString().slice(0, 10)
    expect(row.acceptBy).toBe(plus(7))
    expect(row.replyBy).toBe(plus(15))
    expect(body.trackingNumber.slice(2, 10)).toBe(filedOn.replace(/-/g, ''))
    const events = await eventsOf(app, row.id)
    expect(events).toEqual([expect.objectContaining({ type: 'submitted', actor: 'reporter', actorUserId: parent.userId, toStatus: 'submitted' })])
    expect(await deliveriesOf(app, row.id)).toEqual([])
  })

  it('stores no identity for an anonymous complaint, even when filed with a sign-in token', async () => {
    const parent = await signedInUser(app)
    const body = await filed(app, aFiling(ids.nonprofit, { anonymous: true, category: 'food' }), parent.headers)
    const row = await complaintRow(app, body.trackingNumber)
    expect(row).toMatchObject({ reporterUserId: null, contactPhone: null, anonymous: true })
    const events = await eventsOf(app, row.id)
    expect(events.every((e) => e.actorUserId === null)).toBe(true)
    expect(events[0]).toMatchObject({ type: 'submitted', actor: 'system' })
    const mine = (await app.inject({ url: '/api/me/complaints', headers: parent.headers })).json()
    expect(mine.items.map((c: { trackingNumber: string }) => c.trackingNumber)).not.toContain(body.trackingNumber)
  })

  it('files anonymously without any token, and ignores a stale token when anonymous', async () => {
    expect((await fileComplaint(app, aFiling(ids.nonprofit, { anonymous: true }))).statusCode).toBe(201)
    expect((await fileComplaint(app, aFiling(ids.nonprofit, { anonymous: true }), { headers: { authorization: 'Bearer expired' } })).statusCode).toBe(201)
  })

  it('answers 401 to a named filing with a bad token rather than filing it unlinked', async () => {
    const response = await fileComplaint(app, aFiling(ids.nonprofit), { headers: { authorization: 'Bearer nonsense' } })
    expect(response.statusCode).toBe(401)
  })

  it('files a named complaint without an account (contact phone only)', async () => {
    const body = await filed(app, aFiling(ids.nonprofit, { contactPhone: '13900002222' }))
    expect(await complaintRow(app, body.trackingNumber)).toMatchObject({ reporterUserId: null, contactPhone: '13900002222', anonymous: false })
  })

  it('refuses a contact phone on an anonymous complaint', async () => {
    const response = await fileComplaint(app, aFiling(ids.nonprofit, { anonymous: true, contactPhone: '13900001111' }))
    expect(response.statusCode).toBe(400)
    expect(response.json().field).toBe('contactPhone')
  })

  it("never logs the reporter's IP address with a filing", async () => {
    const lines: string[] = []
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk))
        done()
      },
    })
    const logged = await buildApp({ database: testDb.database, reference: testDb.reference, settings: app.settings, logger: { level: 'info', stream } })
    const response = await logged.inject({
      method: 'POST',
      url: '/api/complaints',
      remoteAddress: '203.0.113.77',
      headers: { 'idempotency-key': randomUUID() },
      payload: aFiling(ids.nonprofit, { anonymous: true }),
    })
    await logged.close()
    expect(response.statusCode).toBe(201)
    expect(lines.join('\n')).toContain('complaint filed')
    expect(lines.join('\n')).not.toContain('203.0.113.77')
  })
})

describe('POST /api/complaints: urgent reports of suspected abuse', () => {
  it('marks abuse urgent and queues police and health at once, in the filing', async () => {
    const body = await filed(app, aFiling(ids.nonprofit, { category: 'abuse', anonymous: true, description: '看到老师多次推搡和打孩子的头。' }))
    expect(body).toMatchObject({ urgent: true, departments: ['public_security', 'health'] })
    const row = await complaintRow(app, body.trackingNumber)
    const deliveries = await deliveriesOf(app, row.id)
    expect(deliveries.map((d) => d.department)).toEqual(['health', 'public_security'])
    expect(deliveries[0].payload).toMatchObject({ trackingNumber: body.trackingNumber, category: 'abuse', urgent: true, anonymous: true, contactPhone: null })
    expect((await eventsOf(app, row.id)).map((e) => e.type)).toEqual(['submitted', 'forwarded'])
  })

  it('sends abuse in a kindergarten 托班 to police and education', async () => {
    const body = await filed(app, aFiling(ids.kindergarten, { category: 'abuse', anonymous: true }))
    expect(body.departments).toEqual(['public_security', 'education'])
    const row = await complaintRow(app, body.trackingNumber)
    expect((await deliveriesOf(app, row.id)).map((d) => d.department)).toEqual(['education', 'public_security'])
  })
})

describe('POST /api/complaints: routing by subject', () => {
  it("routes unregistered operation by the institution's nature, and an unlisted provider to market regulation", async () => {
    expect((await filed(app, aFiling(ids.nonprofit, { category: 'unregistered' }))).departments).toEqual(['civil_affairs'])
    expect((await filed(app, aFiling(ids.forprofit, { category: 'unregistered' }))).departments).toEqual(['market_regulation'])
    const provider = { name: '某小区家庭看护点', address: '吉林市船营区某小区3栋', cityCode: '220200' }
    const body = await filed(app, { ...aFiling(ids.nonprofit, { category: 'unregistered' }), institutionId: undefined, provider })
    expect(body.departments).toEqual(['market_regulation'])
    expect(await complaintRow(app, body.trackingNumber)).toMatchObject({
      institutionId: null,
      providerName: provider.name,
      providerAddress: provider.address,
      cityCode: '220200',
    })
  })

  it("puts the complaint in the institution's 市州", async () => {
    const body = await filed(app, aFiling(ids.yanbian, { category: 'hygiene_health' }))
    expect(await complaintRow(app, body.trackingNumber)).toMatchObject({ cityCode: '222400', departments: ['health'] })
  })
})

describe('POST /api/complaints: bad input names the field', () => {
  const provider = { name: '某托育点', address: '长春市某路1号', cityCode: '220100' }
  it.each([
    ['no subject', { institutionId: undefined }, 'institutionId'],
    ['both subjects', { provider }, 'provider'],
    ['unknown 市州', { institutionId: undefined, provider: { ...provider, cityCode: '990100' } }, 'provider.cityCode'],
    ['future occurredAt', { occurredAt: new Date(Date.now() + 10 * 60_000).toISOString() }, 'occurredAt'],
    ['occurredAt over two years ago', { occurredAt: new Date(Date.now() - 731 * 86400_000).toISOString() }, 'occurredAt'],
    ['occurredAt not a date', { occurredAt: 'yesterday' }, 'occurredAt'],
    ['short description', { description: '太差' }, 'description'],
    ['unknown category', { category: 'noise' }, 'category'],
    ['bad phone', { contactPhone: '12345' }, 'contactPhone'],
    ['too many photos', { photoIds: Array.from({ length: 10 }, () => randomUUID()) }, 'photoIds'],
  ])('%s → 400', async (_case, overrides, field) => {
    const response = await fileComplaint(app, { ...aFiling(ids.nonprofit), ...overrides })
    expect(response.statusCode).toBe(400)
    expect(response.json().field).toBe(field)
  })

  it('allows a few minutes of clock skew', async () => {
    expect((await fileComplaint(app, aFiling(ids.nonprofit, { occurredAt: new Date(Date.now() + 60_000).toISOString() }))).statusCode).toBe(201)
  })

  it('answers 404 for an institution that does not exist', async () => {
    const response = await fileComplaint(app, aFiling(randomUUID()))
    expect(response.statusCode).toBe(404)
  })

  it('requires a UUID Idempotency-Key header', async () => {
    const withoutKey = await app.inject({ method: 'POST', url: '/api/complaints', payload: aFiling(ids.nonprofit) })
    expect(withoutKey.statusCode).toBe(400)
    expect(withoutKey.json().field).toBe('Idempotency-Key')
    const malformed = await fileComplaint(app, aFiling(ids.nonprofit), { key: 'draft-1' })
    expect(malformed.statusCode).toBe(400)
    expect(malformed.json().field).toBe('Idempotency-Key')
  })
})

describe('POST /api/complaints: photos', () => {
  it('attaches uploaded photos in the filing', async () => {
    const photos = [await uploadedPhoto(app), await uploadedPhoto(app)]
    const body = await filed(app, aFiling(ids.nonprofit, { photoIds: photos }))
    const row = await complaintRow(app, body.trackingNumber)
    const attached = await app.database.db.selectFrom('complaintPhotos').select(['id', 'additionId']).where('complaintId', '=', row.id).execute()
    expect(attached.map((p) => p.id).sort()).toEqual([...photos].sort())
  })

  it('refuses an unknown photo or one already attached, and files nothing', async () => {
    const used = await uploadedPhoto(app)
    await filed(app, aFiling(ids.nonprofit, { photoIds: [used] }))
    const fresh = await uploadedPhoto(app)
    for (const photoIds of [
      [fresh, used],
      [fresh, randomUUID()],
    ]) {
      const key = randomUUID()
      const response = await fileComplaint(app, aFiling(ids.nonprofit, { photoIds }), { key })
      expect(response.statusCode).toBe(400)
      expect(response.json().field).toBe('photoIds')
      expect(await countComplaints(key)).toBe(0)
    }
    const freshRow = await app.database.db.selectFrom('complaintPhotos').select('complaintId').where('id', '=', fresh).executeTakeFirstOrThrow()
    expect(freshRow.complaintId).toBeNull()
  })
})

describe('POST /api/complaints: idempotency', () => {
  it('returns the same complaint and secret to a retry: 201 first, 200 after', async () => {
    const parent = await signedInUser(app)
    const key = randomUUID()
    const photo = await uploadedPhoto(app)
    const filing = aFiling(ids.nonprofit, { photoIds: [photo] })
    const first = await fileComplaint(app, filing, { key, headers: parent.headers })
    const retry = await fileComplaint(app, filing, { key: key.toUpperCase(), headers: parent.headers })
    expect(first.statusCode).toBe(201)
    expect(retry.statusCode).toBe(200)
    expect(retry.json()).toEqual(first.json())
    expect(await countComplaints(key)).toBe(1)
    const track = await app.inject({
      method: 'POST',
      url: '/api/complaints/track',
      payload: { trackingNumber: retry.json().trackingNumber, secret: retry.json().secret },
    })
    expect(track.statusCode).toBe(200)
  })

  it('answers 409 naming Idempotency-Key when the key is reused for a different complaint', async () => {
    const key = randomUUID()
    expect((await fileComplaint(app, aFiling(ids.nonprofit), { key })).statusCode).toBe(201)
    for (const changed of [
      aFiling(ids.nonprofit, { description: '另一件事情：午饭经常是凉的。' }),
      aFiling(ids.forprofit),
      aFiling(ids.nonprofit, { anonymous: true }),
    ]) {
      const response = await fileComplaint(app, changed, { key })
      expect(response.statusCode).toBe(409)
      expect(response.json().field).toBe('Idempotency-Key')
    }
    const someoneElse = await signedInUser(app)
    expect((await fileComplaint(app, aFiling(ids.nonprofit), { key, headers: someoneElse.headers })).statusCode).toBe(409)
    expect(await countComplaints(key)).toBe(1)
  })

  it('makes exactly one complaint of 50 concurrent retries, all answered with the same number and secret', async () => {
    const key = randomUUID()
    const photo = await uploadedPhoto(app)
    const filing = aFiling(ids.nonprofit, { category: 'abuse', anonymous: true, photoIds: [photo] })
    const responses = await Promise.all(Array.from({ length: 50 }, () => fileComplaint(app, filing, { key })))
    expect(responses.map((r) => r.statusCode).sort()).toEqual([...Array(49).fill(200), 201])
    const answers = new Set(responses.map((r) => `${r.json().trackingNumber}/${r.json().secret}`))
    expect(answers.size).toBe(1)
    expect(await countComplaints(key)).toBe(1)
    const row = await complaintRow(app, responses[0].json().trackingNumber)
    expect(await deliveriesOf(app, row.id)).toHaveLength(2)
    expect((await eventsOf(app, row.id)).map((e) => e.type)).toEqual(['submitted', 'forwarded'])
  })
})
