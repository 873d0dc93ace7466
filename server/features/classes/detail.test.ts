import { aClass, aParent, chinaTime, published, signUpFor, type Headers } from './test-fixtures'
import { signedInCentreStaff, useTestApp } from '../../../test/support/test-app'
import { aHealthCentre } from '../../../test/support/seed-registry'

const { app } = useTestApp()
let staff: Headers
let centre: Awaited<ReturnType<typeof aHealthCentre>>

beforeAll(async () => {
  centre = await aHealthCentre(app)
  staff = (await signedInCentreStaff(app, centre.id)).headers
})

const detail = (id: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url: `/api/classes/${id}`, headers })
const ONLINE = { mode: 'online' as const, venue: '腾讯会议', onlineUrl: 'https://meeting.example.cn/j/42' }

describe('a class in detail', () => {
  it("is public; with a token it also shows the asker's sign-up and waiting position", async () => {
    const classId = await published(app, staff, aClass(centre.id, { capacity: 1 }))
    const [seated, waiting] = [await aParent(app), await aParent(app)]
    const seat = (await signUpFor(app, seated.headers, classId)).json()
    const place = (await signUpFor(app, waiting.headers, classId)).json()

    const anonymous = await detail(classId)
    expect(anonymous.statusCode).toBe(200)
    expect(anonymous.json()).toMatchObject({
      id: classId,
      description: aClass(centre.id).description,
      mySignUp: null,
      onlineUrl: null,
      seatsLeft: 0,
      waitingCount: 1,
    })
    expect(anonymous.json().updatedAt).toBeDefined()
    expect((await detail(classId, seated.headers)).json().mySignUp).toEqual({ id: seat.id, status: 'confirmed', waitingPosition: null })
    expect((await detail(classId, waiting.headers)).json().mySignUp).toEqual({ id: place.id, status: 'waiting', waitingPosition: 1 })
    expect((await detail(classId, (await aParent(app)).headers)).json().mySignUp).toBeNull()
  })

  it('gives the join link of an online class only to a parent holding a seat', async () => {
    const classId = await published(app, staff, aClass(centre.id, { ...ONLINE, capacity: 1 }))
    const [seated, waiting] = [await aParent(app), await aParent(app)]
    await signUpFor(app, seated.headers, classId)
    await signUpFor(app, waiting.headers, classId)
    expect((await detail(classId)).json().onlineUrl).toBeNull()
    expect((await detail(classId, seated.headers)).json().onlineUrl).toBe('https://meeting.example.cn/j/42')
    expect((await detail(classId, waiting.headers)).json().onlineUrl).toBeNull()
    const list = (await app.inject({ method: 'GET', url: '/api/classes?mode=online' })).json().items
    expect(list[0]).not.toHaveProperty('onlineUrl')
  })

  it('stays readable when cancelled, with the reason', async () => {
    const classId = await published(app, staff, aClass(centre.id))
    await app.inject({ method: 'POST', url: `/api/centre/classes/${classId}/cancel`, headers: staff, payload: { reason: '主讲专家临时出诊' } })
    expect((await detail(classId)).json()).toMatchObject({ status: 'cancelled', cancelReason: '主讲专家临时出诊' })
  })

  it('is 404 when unknown, 400 for a malformed id, 401 for a token that is presented but invalid', async () => {
    expect((await detail('00000000-0000-4000-8000-000000000000')).statusCode).toBe(404)
    const malformed = await detail('not-a-uuid')
    expect(malformed.statusCode).toBe(400)
    expect(malformed.json().field).toBe('id')
    const classId = await published(app, staff, aClass(centre.id))
    expect((await detail(classId, { authorization: 'Bearer forged' })).statusCode).toBe(401)
  })
})

describe('add to calendar (.ics)', () => {
  const download = (id: string) => app.inject({ method: 'GET', url: `/api/classes/${id}/calendar.ics` })

  it('is an RFC 5545 event in UTC with the Chinese title and place, as an attachment', async () => {
    const title = '婴幼儿家庭安全与意外伤害急救：海姆立克法、烫伤处理、防跌落，现场实操演练'
    const classId = await published(app, staff, aClass(centre.id, { title, startsAt: chinaTime(5, 9, 30), endsAt: chinaTime(5, 11) }))
    const response = await download(classId)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8')
    expect(response.headers['content-disposition']).toBe(`attachment; filename="class-${classId}.ics"`)

    const body = response.body
    expect(body.endsWith('\r\n')).toBe(true)
    const physical = body.slice(0, -2).split('\r\n')
    expect(physical.every((line) => Buffer.byteLength(line, 'utf8') <= 75)).toBe(true)
    // Unfolded: a continuation line starts with one space.
    const lines = body.replace(/\r\n /g, '').slice(0, -2).split('\r\n')
    expect(lines[0]).toBe('BEGIN:VCALENDAR')
    expect(lines).toContain('VERSION:2.0')
    expect(lines).toContain(`UID:class-${classId}@jilin-tuoyu`)
    const start = new Date(chinaTime(5, 9, 30)).toISOString().replace(/[-:]/g, '').replace('.000', '')
    expect(lines).toContain(`DTSTART:${start}`)
    expect(lines.find((l) => l.startsWith('DTEND:'))).toMatch(/^DTEND:\d{8}T\d{6}Z$/)
    expect(lines).toContain(`SUMMARY:${title}`)
    expect(lines).toContain(`LOCATION:中心三楼健康教育室，${centre.address}`)
    expect(lines).toContain('STATUS:CONFIRMED')
    expect(lines.at(-1)).toBe('END:VCALENDAR')
    expect((await download(classId)).body.match(/UID:.*\r\n/)![0]).toBe(body.match(/UID:.*\r\n/)![0])
  })

  it('marks a cancelled class, escapes text, and is 404 for an unknown class', async () => {
    const classId = await published(app, staff, aClass(centre.id, { ...ONLINE, title: '线上答疑; 喂养, 睡眠' }))
    await app.inject({ method: 'POST', url: `/api/centre/classes/${classId}/cancel`, headers: staff, payload: { reason: '网络故障' } })
    const lines = (await download(classId)).body.replace(/\r\n /g, '').split('\r\n')
    expect(lines).toContain('STATUS:CANCELLED')
    expect(lines).toContain('SUMMARY:【已取消】线上答疑\\; 喂养\\, 睡眠')
    expect(lines).toContain('LOCATION:线上：腾讯会议')
    expect(lines.join('\n')).not.toContain('meeting.example.cn')
    expect((await download('00000000-0000-4000-8000-000000000000')).statusCode).toBe(404)
  })
})

describe('the API document', () => {
  it('describes every class and centre route under its tag', async () => {
    const document = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json()
    const tagged = (path: string, method: string) => document.paths[path]?.[method]?.tags
    expect(tagged('/api/classes', 'get')).toEqual(['classes'])
    expect(tagged('/api/classes/message-templates', 'get')).toEqual(['classes'])
    expect(tagged('/api/classes/{id}', 'get')).toEqual(['classes'])
    expect(tagged('/api/classes/{id}/calendar.ics', 'get')).toEqual(['classes'])
    expect(tagged('/api/classes/{id}/sign-ups', 'post')).toEqual(['classes'])
    expect(tagged('/api/sign-ups', 'get')).toEqual(['classes'])
    expect(tagged('/api/sign-ups/{id}/cancel', 'post')).toEqual(['classes'])
    for (const [path, method] of [
      ['/api/centre/classes', 'get'],
      ['/api/centre/classes', 'post'],
      ['/api/centre/classes/{id}', 'get'],
      ['/api/centre/classes/{id}', 'put'],
      ['/api/centre/classes/{id}/cancel', 'post'],
      ['/api/centre/classes/{id}/roster', 'get'],
      ['/api/centre/sign-ups/{id}/attendance', 'post'],
    ]) {
      expect(tagged(path, method)).toEqual(['centre'])
    }
    expect(document.paths['/api/classes/{id}/calendar.ics'].get.responses['200'].content).toHaveProperty('text/calendar')
  })
})
