import { startIntakeStandIn, type IntakeStandIn } from './intake-stand-in'

const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })

describe('intake stand-in', () => {
  let standIn: IntakeStandIn
  beforeEach(async () => {
    standIn = await startIntakeStandIn({ failFirst: 1 })
  })
  afterEach(async () => {
    await standIn.close()
  })

  it('refuses the first requests when told to, then acknowledges, counting a repeated key once', async () => {
    const url = standIn.intakeUrls().health
    expect((await post(url, '{"a":1}', { 'idempotency-key': 'k1' })).status).toBe(503)
    expect((await post(url, '{"a":1}', { 'idempotency-key': 'k1' })).status).toBe(201)
    const repeat = await post(url, '{"a":1}', { 'idempotency-key': 'k1' })
    expect(repeat.status).toBe(200)
    expect(await repeat.json()).toEqual({ accepted: true, duplicate: true })
    expect(standIn.received).toHaveLength(2)
    expect([...standIn.deliveriesByKey.values()]).toEqual([{ department: 'health', idempotencyKey: 'k1', body: { a: 1 }, duplicate: false }])
    expect(standIn.requestCount()).toBe(3)
  })

  it('answers 400 without an Idempotency-Key or with a body that is not JSON, 404 for an unknown department', async () => {
    await post(standIn.intakeUrls().health, '{}') // the refused first one
    expect((await post(standIn.intakeUrls().health, '{}')).status).toBe(400)
    expect((await post(standIn.intakeUrls().health, 'not json', { 'idempotency-key': 'k2' })).status).toBe(400)
    expect((await post(`${standIn.url}/intake/weather_bureau`, '{}', { 'idempotency-key': 'k3' })).status).toBe(404)
    expect(standIn.deliveriesByKey.size).toBe(0)
  })
})
