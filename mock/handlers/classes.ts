import { http, HttpResponse, type PathParams } from 'msw'
import type { ClassSearchResult, MessageTemplates, MySignUps, ParentingClass, ParentingClassDetail, SignUp, SignUpInput, SignUpStatus } from '../../types/classes'
import type { ErrorResponse } from '../../types/common'
import { chinaAt, classSeeds, messageTemplatesFixture, type ClassSeed } from '../fixtures/app/classes'
import { accountMock } from './account'

/**
 * An in-memory imitation of the BFF's parenting-class endpoints for parents (types/classes.ts): search, detail,
 * sign-up with a waiting list, 我的报名, cancel with promotion, message templates and the .ics file. Seats held by
 * other parents are counts on the class (`othersConfirmed`, `othersWaiting`, ahead of anyone signing up here).
 * Tests shape it through `classesMock` and reset it after each test.
 */

type MockSignUp = {
  id: string
  classId: string
  userId: string
  childId: string | null
  status: SignUpStatus
  queue: number
  subscribed: string[]
  signedUpAt: string
  promotedAt: string | null
  cancelledAt: string | null
}

const api = (path: string) => `*/api${path}`
let counter = 0
const nextId = () => {
  counter += 1
  return `5a9e0000-0000-4000-8000-${String(counter).padStart(12, '0')}`
}

function fresh() {
  return { classes: classSeeds(), signUps: [] as MockSignUp[], templates: { ...messageTemplatesFixture } as MessageTemplates, queue: 0 }
}

let state = fresh()

function error(statusCode: number, message: string, field?: string) {
  const names: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 404: 'Not Found', 409: 'Conflict' }
  const body: ErrorResponse = { statusCode, error: names[statusCode] ?? 'Error', message, ...(field ? { field } : {}) }
  return HttpResponse.json(body, { status: statusCode })
}

const signUpsOf = (classId: string) => state.signUps.filter((s) => s.classId === classId)
const byQueue = (a: MockSignUp, b: MockSignUp) => a.queue - b.queue

function counts(seed: ClassSeed) {
  const mine = signUpsOf(seed.id)
  const confirmed = seed.othersConfirmed + mine.filter((s) => s.status === 'confirmed').length
  const waiting = seed.othersWaiting + mine.filter((s) => s.status === 'waiting').length
  return { confirmed, waiting, seatsLeft: Math.max(0, seed.capacity - confirmed) }
}

function waitingPosition(signUp: MockSignUp, seed: ClassSeed): number | null {
  if (signUp.status !== 'waiting') return null
  const ahead = signUpsOf(seed.id).filter((s) => s.status === 'waiting').sort(byQueue).indexOf(signUp)
  return seed.othersWaiting + ahead + 1
}

function distanceKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2
  return 6371 * 2 * Math.asin(Math.sqrt(a))
}

function toClass(seed: ClassSeed, from: { lat: number; lng: number } | null = null): ParentingClass {
  const { confirmed, waiting, seatsLeft } = counts(seed)
  const distance = from && seed.lat !== null && seed.lng !== null ? Math.round(distanceKm(from.lat, from.lng, seed.lat, seed.lng) * 10) / 10 : null
  return {
    id: seed.id, title: seed.title, kind: seed.kind, topic: seed.topic, mode: seed.mode,
    centre: { id: seed.centre.id, name: seed.centre.name, phone: seed.centre.phone, districtName: seed.centre.districtName },
    cityCode: seed.centre.cityCode, districtCode: seed.centre.districtCode, venue: seed.venue, address: seed.address, lat: seed.lat, lng: seed.lng,
    distanceKm: distance, startsAt: seed.startsAt, endsAt: seed.endsAt, cancellableUntil: seed.cancellableUntil, speaker: seed.speaker,
    minAgeMonths: seed.minAgeMonths, maxAgeMonths: seed.maxAgeMonths, capacity: seed.capacity, confirmedCount: confirmed, seatsLeft, waitingCount: waiting,
    status: seed.status, cancelReason: seed.cancelReason,
  }
}

const isLive = (s: MockSignUp) => s.status === 'confirmed' || s.status === 'waiting'

function toDetail(seed: ClassSeed, userId: string | null): ParentingClassDetail {
  const mine = userId ? signUpsOf(seed.id).find((s) => s.userId === userId && isLive(s)) : undefined
  return {
    ...toClass(seed),
    description: seed.description,
    onlineUrl: mine?.status === 'confirmed' && seed.mode === 'online' ? seed.onlineUrl : null,
    mySignUp: mine ? { id: mine.id, status: mine.status, waitingPosition: waitingPosition(mine, seed) } : null,
    updatedAt: seed.updatedAt,
  }
}

function toSignUp(signUp: MockSignUp): SignUp {
  const seed = state.classes.find((c) => c.id === signUp.classId) as ClassSeed
  const child = signUp.childId ? accountMock.user(signUp.userId)?.children.find((c) => c.id === signUp.childId) : undefined
  return {
    id: signUp.id, status: signUp.status, waitingPosition: waitingPosition(signUp, seed), child: child ? { id: child.id, nickname: child.nickname } : null,
    signedUpAt: signUp.signedUpAt, promotedAt: signUp.promotedAt, cancelledAt: signUp.cancelledAt, class: toClass(seed),
  }
}

/** Age in whole months at the class start, China calendar (as the BFF counts it). */
function ageAt(birthMonth: string, startsAt: string): number {
  const [year, month] = birthMonth.split('-').map(Number)
  const at = new Date(Date.parse(startsAt) + 8 * 3600 * 1000)
  return (at.getUTCFullYear() - year) * 12 + (at.getUTCMonth() + 1 - month)
}

const chinaDate = (iso: string) => new Date(Date.parse(iso) + 8 * 3600 * 1000).toISOString().slice(0, 10)

function search(params: URLSearchParams): ClassSearchResult | Response {
  const number = (name: string) => (params.has(name) ? Number(params.get(name)) : undefined)
  const lat = number('lat')
  const lng = number('lng')
  const radiusKm = number('radiusKm') ?? 30
  const page = number('page') ?? 1
  const pageSize = number('pageSize') ?? 20
  const birthMonth = params.get('childBirthMonth')
  if (birthMonth !== null && !/^[0-9]{4}-(0[1-9]|1[0-2])$/.test(birthMonth)) return error(400, 'childBirthMonth must match pattern', 'childBirthMonth')
  if ((lat === undefined) !== (lng === undefined)) return error(400, 'lat and lng go together', lat === undefined ? 'lat' : 'lng')
  if (!Number.isInteger(page) || page < 1) return error(400, 'page must be >= 1', 'page')
  const from = params.get('from') ?? chinaDate(new Date().toISOString())
  const to = params.get('to')
  const near = lat !== undefined && lng !== undefined ? { lat, lng } : null

  let items = state.classes
    .filter((c) => c.status === 'scheduled' && Date.parse(c.startsAt) > Date.now())
    .filter((c) => chinaDate(c.startsAt) >= from && (!to || chinaDate(c.startsAt) <= to))
    .filter((c) => ['topic', 'kind', 'mode'].every((name) => !params.get(name) || c[name as 'topic'] === params.get(name)))
    .filter((c) => !params.get('cityCode') || c.centre.cityCode === params.get('cityCode'))
    .filter((c) => !params.get('districtCode') || c.centre.districtCode === params.get('districtCode'))
    .filter((c) => !birthMonth || (ageAt(birthMonth, c.startsAt) >= c.minAgeMonths && ageAt(birthMonth, c.startsAt) <= c.maxAgeMonths))
    .map((c) => toClass(c, near))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
  if (near) {
    items = items
      .filter((c) => c.distanceKm === null || c.distanceKm <= radiusKm)
      .sort((a, b) => (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) || a.startsAt.localeCompare(b.startsAt))
  }
  const start = (page - 1) * pageSize
  return { items: items.slice(start, start + pageSize), total: items.length, page, pageSize, hasMore: start + pageSize < items.length }
}

type Args = { request: Request; params: Record<string, string>; userId: string }
function authed(handler: (args: Args) => Response | Promise<Response>) {
  return ({ request, params }: { request: Request; params: PathParams }) => {
    const userId = accountMock.userIdOf(request)
    if (!userId) return error(401, '请先登录 (sign-in required)')
    return handler({ request, params: params as Record<string, string>, userId })
  }
}

function promoteNext(seed: ClassSeed): void {
  if (counts(seed).seatsLeft <= 0) return
  if (seed.othersWaiting > 0) {
    seed.othersWaiting -= 1
    seed.othersConfirmed += 1
    return
  }
  const next = signUpsOf(seed.id).filter((s) => s.status === 'waiting').sort(byQueue)[0]
  if (next) Object.assign(next, { status: 'confirmed', promotedAt: new Date().toISOString() })
}

function ics(seed: ClassSeed): string {
  const stamp = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '')
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//jilin-tuoyu//classes//ZH', 'BEGIN:VEVENT', `UID:class-${seed.id}@jilin-tuoyu`, `DTSTAMP:${stamp(seed.updatedAt)}`,
    `DTSTART:${stamp(seed.startsAt)}`, `DTEND:${stamp(seed.endsAt)}`, `SUMMARY:${seed.title}`, `LOCATION:${seed.address ?? seed.venue}`, 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n')
}

export const classHandlers = [
  http.get(api('/classes'), ({ request }) => {
    const result = search(new URL(request.url).searchParams)
    return result instanceof Response ? result : HttpResponse.json(result)
  }),

  http.get(api('/classes/message-templates'), () => HttpResponse.json(state.templates)),

  http.get(api('/classes/:id/calendar.ics'), ({ params }) => {
    const seed = state.classes.find((c) => c.id === params.id)
    if (!seed) return error(404, '没有找到这场课堂')
    return new HttpResponse(ics(seed), { headers: { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': `attachment; filename="class-${seed.id}.ics"` } })
  }),

  http.get(api('/classes/:id'), ({ request, params }) => {
    const seed = state.classes.find((c) => c.id === params.id)
    return seed ? HttpResponse.json(toDetail(seed, accountMock.userIdOf(request))) : error(404, '没有找到这场课堂')
  }),

  http.post(
    api('/classes/:id/sign-ups'),
    authed(async ({ request, params, userId }) => {
      const seed = state.classes.find((c) => c.id === params.id)
      if (!seed) return error(404, '没有找到这场课堂')
      if (seed.status === 'cancelled') return error(409, '本场已取消，不能报名')
      if (Date.parse(seed.startsAt) <= Date.now()) return error(409, '本场已开始，不能报名')
      const body = (await request.json()) as SignUpInput
      if (signUpsOf(seed.id).some((s) => s.userId === userId && isLive(s))) return error(409, '您已报名这场课堂')
      const childId = body.childId ?? null
      if (childId) {
        const child = accountMock.user(userId)?.children.find((c) => c.id === childId)
        if (!child) return error(404, '没有找到这个孩子', 'childId')
        const age = ageAt(child.birthMonth, seed.startsAt)
        if (age < seed.minAgeMonths || age > seed.maxAgeMonths) return error(400, `孩子届时${age}个月，不在本场适合的月龄内`, 'childId')
      }
      state.queue += 1
      const signUp: MockSignUp = {
        id: nextId(), classId: seed.id, userId, childId, status: counts(seed).seatsLeft > 0 ? 'confirmed' : 'waiting', queue: state.queue,
        subscribed: body.subscribed ?? [], signedUpAt: new Date().toISOString(), promotedAt: null, cancelledAt: null,
      }
      state.signUps.push(signUp)
      return HttpResponse.json(toSignUp(signUp), { status: 201 })
    }),
  ),

  http.get(
    api('/sign-ups'),
    authed(({ userId }) => {
      const all = state.signUps.filter((s) => s.userId === userId).map(toSignUp)
      const upcoming = all.filter((s) => (s.status === 'confirmed' || s.status === 'waiting') && Date.parse(s.class.endsAt) > Date.now())
      const past = all.filter((s) => !upcoming.includes(s))
      const answer: MySignUps = {
        upcoming: upcoming.sort((a, b) => a.class.startsAt.localeCompare(b.class.startsAt)),
        past: past.sort((a, b) => b.class.startsAt.localeCompare(a.class.startsAt)),
      }
      return HttpResponse.json(answer)
    }),
  ),

  http.post(
    api('/sign-ups/:id/cancel'),
    authed(({ params, userId }) => {
      const signUp = state.signUps.find((s) => s.id === params.id && s.userId === userId)
      if (!signUp) return error(404, '没有找到这条报名')
      const seed = state.classes.find((c) => c.id === signUp.classId) as ClassSeed
      if (!isLive(signUp)) return error(409, '这条报名已不能取消')
      const closesAt = signUp.status === 'confirmed' ? seed.cancellableUntil : seed.startsAt
      if (Date.parse(closesAt) <= Date.now()) return error(409, '已过取消截止时间，如不能参加请联系中心')
      const wasConfirmed = signUp.status === 'confirmed'
      Object.assign(signUp, { status: 'cancelled', cancelledAt: new Date().toISOString() })
      if (wasConfirmed) promoteNext(seed)
      return HttpResponse.json(toSignUp(signUp))
    }),
  ),
]

/** Test-side access to the mock's state. */
export const classesMock = {
  reset(): void {
    state = fresh()
  },
  /** A scheduled offline class of the first demo centre, tomorrow 14:00 China time unless the patch says otherwise. */
  add(patch: Partial<ClassSeed> = {}): ClassSeed {
    const base = classSeeds()[0]
    const startsAt = patch.startsAt ?? chinaAt(new Date(), 1, '14:00')
    const seed: ClassSeed = {
      ...base, title: '测试课堂', othersConfirmed: 0, othersWaiting: 0, status: 'scheduled', cancelReason: null, onlineUrl: null, ...patch, id: nextId(), startsAt,
      endsAt: patch.endsAt ?? new Date(Date.parse(startsAt) + 3600 * 1000).toISOString(),
      cancellableUntil: patch.cancellableUntil ?? new Date(Date.parse(startsAt) - 2 * 3600 * 1000).toISOString(),
    }
    state.classes.push(seed)
    return seed
  },
  /** Only these classes exist. */
  only(...seeds: Array<Partial<ClassSeed>>): ClassSeed[] {
    state.classes = []
    return seeds.map((patch) => classesMock.add(patch))
  },
  classes(): ClassSeed[] {
    return state.classes
  },
  signUps(): MockSignUp[] {
    return state.signUps
  },
  /** A sign-up made earlier (e.g. for a class that has ended since). */
  addSignUp(userId: string, classId: string, status: SignUpStatus, childId: string | null = null): MockSignUp {
    state.queue += 1
    const signUp: MockSignUp = {
      id: nextId(), classId, userId, childId, status, queue: state.queue, subscribed: [], signedUpAt: new Date().toISOString(), promotedAt: null,
      cancelledAt: status === 'cancelled' ? new Date().toISOString() : null,
    }
    state.signUps.push(signUp)
    return signUp
  },
  setTemplates(templates: Partial<MessageTemplates>): void {
    state.templates = { ...state.templates, ...templates }
  },
}
