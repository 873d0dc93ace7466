import { sql } from 'kysely'
import { purgeOldLoginCodes } from './repository'
import { nextIp } from './test-helpers'
import { useTestApp } from '../../../test/support/test-app'

const { app, sentCodes } = useTestApp()

let phoneSerial = 0
const newPhone = () => `137${String(process.pid % 1e4).padStart(4, '0')}${String(++phoneSerial).padStart(4, '0')}`

const requestCode = (phone: string) => app.inject({ method: 'POST', url: '/api/auth/phone/code', payload: { phone }, remoteAddress: nextIp() })
const signIn = (phone: string, code: string) => app.inject({ method: 'POST', url: '/api/auth/phone', payload: { phone, code }, remoteAddress: nextIp() })
const lastCodeFor = (phone: string) => sentCodes.filter((s) => s.phone === phone).at(-1)!.code
const wrongCodeFor = (phone: string) => (lastCodeFor(phone) === '000000' ? '111111' : '000000')

/** Moves the phone's codes back in time, as if the minutes had passed. */
async function age(phone: string, seconds: number) {
  await sql`UPDATE login_codes SET created_at = created_at - make_interval(secs => ${seconds}) WHERE phone = ${phone}`.execute(app.database.db)
}

describe('POST /api/auth/phone/code', () => {
  it('sends a 6-digit code and stores only its hash', async () => {
    const phone = newPhone()
    const response = await requestCode(phone)
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ sentTo: `${phone.slice(0, 3)}****${phone.slice(7)}`, expiresInSeconds: 300, resendAfterSeconds: 60 })
    const code = lastCodeFor(phone)
    expect(code).toMatch(/^[0-9]{6}$/)
    const stored = await app.database.db.selectFrom('loginCodes').selectAll().where('phone', '=', phone).executeTakeFirstOrThrow()
    expect(stored.codeHash).not.toContain(code)
    expect(stored.codeHash).toHaveLength(64)
  })

  it('answers 429 with retry-after for a second request within 60 s', async () => {
    const phone = newPhone()
    expect((await requestCode(phone)).statusCode).toBe(200)
    const again = await requestCode(phone)
    expect(again.statusCode).toBe(429)
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(0)
    expect(Number(again.headers['retry-after'])).toBeLessThanOrEqual(60)
    expect(again.json()).toMatchObject({ statusCode: 429, error: 'Too Many Requests' })
    expect(again.json().message).toMatch(/秒后再获取/)
  })

  it('answers 429 for the 6th code within an hour, with retry-after until the oldest drops out', async () => {
    const phone = newPhone()
    for (let i = 0; i < 5; i += 1) {
      expect((await requestCode(phone)).statusCode).toBe(200)
      await age(phone, 61)
    }
    const sixth = await requestCode(phone)
    expect(sixth.statusCode).toBe(429)
    const retryAfter = Number(sixth.headers['retry-after'])
    expect(retryAfter).toBeGreaterThan(3600 - 5 * 61 - 10)
    expect(retryAfter).toBeLessThanOrEqual(3600 - 5 * 61)
  })

  it('answers 400 naming the field for a malformed phone', async () => {
    const response = await requestCode('123')
    expect(response.statusCode).toBe(400)
    expect(response.json()).toMatchObject({ statusCode: 400, field: 'phone' })
  })
})

describe('POST /api/auth/phone', () => {
  it('signs in with the code, creating the user once', async () => {
    const phone = newPhone()
    await requestCode(phone)
    const first = await signIn(phone, lastCodeFor(phone))
    expect(first.statusCode).toBe(200)
    expect(first.json()).toMatchObject({ isNewUser: true })

    await age(phone, 61)
    await requestCode(phone)
    const second = await signIn(phone, lastCodeFor(phone))
    expect(second.json()).toMatchObject({ isNewUser: false, userId: first.json().userId })
  })

  it('refuses a replayed code', async () => {
    const phone = newPhone()
    await requestCode(phone)
    const code = lastCodeFor(phone)
    expect((await signIn(phone, code)).statusCode).toBe(200)
    const replay = await signIn(phone, code)
    expect(replay.statusCode).toBe(401)
    expect(replay.json().message).toMatch(/验证码已失效/)
  })

  it('lets only one of two sign-ins with the same code at once through', async () => {
    const phone = newPhone()
    await requestCode(phone)
    const both = await Promise.all([signIn(phone, lastCodeFor(phone)), signIn(phone, lastCodeFor(phone))])
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 401])
  })

  it('refuses an expired code', async () => {
    const phone = newPhone()
    await requestCode(phone)
    await sql`UPDATE login_codes SET expires_at = now() - interval '1 second' WHERE phone = ${phone}`.execute(app.database.db)
    expect((await signIn(phone, lastCodeFor(phone))).statusCode).toBe(401)
  })

  it('refuses an older code once a newer one was requested', async () => {
    const phone = newPhone()
    await requestCode(phone)
    const older = lastCodeFor(phone)
    await age(phone, 61)
    await requestCode(phone)
    if (lastCodeFor(phone) === older) return // one in a million: the two codes happen to be equal
    expect((await signIn(phone, older)).statusCode).toBe(401)
    expect((await signIn(phone, lastCodeFor(phone))).statusCode).toBe(200)
  })

  it('kills the code after 5 wrong attempts: the right code then fails too', async () => {
    const phone = newPhone()
    await requestCode(phone)
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const wrong = await signIn(phone, wrongCodeFor(phone))
      expect(wrong.statusCode).toBe(401)
    }
    const sixth = await signIn(phone, lastCodeFor(phone))
    expect(sixth.statusCode).toBe(401)
    expect(sixth.json().message).toMatch(/重新获取/)
  })

  it('counts wrong attempts that arrive all at once', async () => {
    const phone = newPhone()
    await requestCode(phone)
    const answers = await Promise.all(Array.from({ length: 12 }, () => signIn(phone, wrongCodeFor(phone))))
    expect(answers.every((a) => a.statusCode === 401)).toBe(true)
    const row = await app.database.db.selectFrom('loginCodes').select('failedAttempts').where('phone', '=', phone).executeTakeFirstOrThrow()
    expect(row.failedAttempts).toBe(5)
  })

  it('gives the same answer for a phone without an account as for one with', async () => {
    const known = newPhone()
    await requestCode(known)
    await signIn(known, lastCodeFor(known))
    await age(known, 61)
    const unknown = newPhone()
    const [a, b] = [await requestCode(known), await requestCode(unknown)]
    expect(a.statusCode).toBe(b.statusCode)
    const [wrongA, wrongB] = [await signIn(known, wrongCodeFor(known)), await signIn(unknown, wrongCodeFor(unknown))]
    expect(wrongA.json()).toEqual(wrongB.json())
  })

  it('answers 400 naming the field for a malformed code or phone', async () => {
    const badCode = await signIn(newPhone(), 'abc')
    expect(badCode.statusCode).toBe(400)
    expect(badCode.json().field).toBe('code')
    const badPhone = await signIn('123', '123456')
    expect(badPhone.statusCode).toBe(400)
    expect(badPhone.json().field).toBe('phone')
    const missing = await app.inject({ method: 'POST', url: '/api/auth/phone', payload: { phone: newPhone() } })
    expect(missing.json()).toMatchObject({ statusCode: 400, field: 'code' })
  })
})

describe('retention of sign-in codes', () => {
  it('deletes codes (and the IP that asked) after a day, keeping the recent ones the per-phone limits count', async () => {
    const old = newPhone()
    const recent = newPhone()
    await requestCode(old)
    await requestCode(recent)
    await age(old, 25 * 3600)
    await age(recent, 23 * 3600)
    expect(await purgeOldLoginCodes(app.database.db)).toBeGreaterThanOrEqual(1)
    const left = await app.database.db.selectFrom('loginCodes').select('phone').where('phone', 'in', [old, recent]).execute()
    expect(left.map((r) => r.phone)).toEqual([recent])
  })
})
