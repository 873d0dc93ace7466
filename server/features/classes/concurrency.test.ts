import { sql } from 'kysely'
import { signedInCentreStaff, useTestApp } from '../../../test/support/test-app'
import { aClass, aParent, cancelSignUp, published, replaceClass, replacementOf, seatCounts, signUpFor, type Headers } from './test-fixtures'
import { aHealthCentre } from '../../../test/support/seed-registry'

// Real concurrency against the real database: every request goes through app.inject at once. On PostgreSQL the
// transactions run in parallel on the app's own pool (server/db/connect.ts, 10 connections) and queue on the class
// row lock; on PGlite they take turns on its single connection.
jest.setTimeout(300_000)

const { app } = useTestApp()
let staff: Headers
let classId: string

type Parent = Awaited<ReturnType<typeof aParent>>
const parents = async (count: number) => {
  const made: Parent[] = []
  while (made.length < count) made.push(...(await Promise.all(Array.from({ length: Math.min(50, count - made.length) }, () => aParent(app)))))
  return made
}

const rowsOf = (id: string) =>
  app.database.db
    .selectFrom('classSignUps')
    .select(['id', 'status', 'queueNumber', 'promotedAt', 'userId'])
    .where('classId', '=', id)
    .orderBy('queueNumber')
    .execute()

const roster = async (id: string) => (await app.inject({ method: 'GET', url: `/api/centre/classes/${id}/roster`, headers: staff })).json()

/** The invariants that must hold after any mix of concurrent changes. */
async function expectConsistent(id: string) {
  const counts = await seatCounts(app, id)
  expect(counts.counter).toBe(counts.confirmed)
  expect(counts.confirmed).toBeLessThanOrEqual(counts.capacity)
  // Nobody waits while a seat is free.
  if (counts.waiting > 0) expect(counts.confirmed).toBe(counts.capacity)
  const rows = await rowsOf(id)
  const waiting = rows.filter((r) => r.status === 'waiting')
  const promoted = rows.filter((r) => r.promotedAt !== null)
  // Promotions in waiting order: everyone promoted arrived before everyone still waiting.
  if (waiting.length && promoted.length) expect(Math.max(...promoted.map((r) => r.queueNumber))).toBeLessThan(Math.min(...waiting.map((r) => r.queueNumber)))
  // Queue numbers are unique and the waiting list reads 1..n in their order.
  expect(new Set(rows.map((r) => r.queueNumber)).size).toBe(rows.length)
  const list = await roster(id)
  const listed = list.items.filter((e: { status: string }) => e.status === 'waiting')
  expect(listed.map((e: { id: string }) => e.id)).toEqual(waiting.map((r) => r.id))
  expect(listed.map((e: { waitingPosition: number }) => e.waitingPosition)).toEqual(waiting.map((_, i) => i + 1))
  expect(list).toMatchObject({ confirmedCount: counts.confirmed, waitingCount: counts.waiting })
  // No one promoted twice: one promotion message per promoted sign-up (all parents here accepted it).
  const promotedJobs = await app.database.db
    .selectFrom('jobs')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('kind', '=', 'classes.promoted')
    .where(sql`payload->>'signUpId'`, 'in', promoted.length ? promoted.map((r) => r.id) : ['none'])
    .executeTakeFirstOrThrow()
  expect(promotedJobs.n).toBe(promoted.length)
  return { counts, rows }
}

beforeAll(async () => {
  const centre = await aHealthCentre(app)
  staff = (await signedInCentreStaff(app, centre.id)).headers
  classId = await published(app, staff, aClass(centre.id, { capacity: 50 }))
})

describe('seats are never oversold', () => {
  let early: Parent[]
  let crowd: Parent[]
  let answers: Array<{ parent: Parent; status: string; waitingPosition: number | null; id: string }>

  it('500 parents signing up at once for the last 20 seats: 20 confirmed, 480 waiting in queue order', async () => {
    early = await parents(30)
    for (const parent of early) expect((await signUpFor(app, parent.headers, classId, { subscribed: ['promoted'] })).statusCode).toBe(201)
    crowd = await parents(500)

    const responses = await Promise.all(crowd.map((parent) => signUpFor(app, parent.headers, classId, { subscribed: ['promoted'] })))
    expect(responses.filter((r) => r.statusCode !== 201).map((r) => r.body)).toEqual([])
    answers = responses.map((r, i) => ({ ...r.json(), parent: crowd[i] }))

    expect(answers.filter((a) => a.status === 'confirmed')).toHaveLength(20)
    const waiting = answers.filter((a) => a.status === 'waiting')
    expect(waiting).toHaveLength(480)
    // Each parent was told a different place, and together the places are 1..480.
    expect(waiting.map((a) => a.waitingPosition).sort((x, y) => x! - y!)).toEqual(Array.from({ length: 480 }, (_, i) => i + 1))

    const { counts, rows } = await expectConsistent(classId)
    expect(counts).toMatchObject({ capacity: 50, counter: 50, confirmed: 50, waiting: 480 })
    // The place each parent was told is their place in queue-number order.
    const byQueue = rows.filter((r) => r.status === 'waiting').map((r) => r.id)
    for (const a of waiting) expect(byQueue.indexOf(a.id) + 1).toBe(a.waitingPosition)
    // Seats went to the 50 first in the queue.
    expect(rows.slice(0, 50).every((r) => r.status === 'confirmed')).toBe(true)
  })

  it('cancellations, new sign-ups and a capacity change racing each other keep the counts exact', async () => {
    const confirmedCrowd = answers.filter((a) => a.status === 'confirmed')
    const waitingCrowd = answers.filter((a) => a.status === 'waiting')
    const earlyIds = (await rowsOf(classId)).slice(0, 30).map((r) => r.id)
    const newcomers = await parents(100)
    const replacement = await replacementOf(app, staff, classId)

    const requests = [
      ...early.slice(0, 10).map((parent, i) => () => cancelSignUp(app, parent.headers, earlyIds[i])),
      ...confirmedCrowd.slice(0, 10).map((a) => () => cancelSignUp(app, a.parent.headers, a.id)),
      // Every fifth waiting parent gives up, some of them just as they are promoted.
      ...waitingCrowd
        .filter((_, i) => i % 5 === 0)
        .slice(0, 50)
        .map((a) => () => cancelSignUp(app, a.parent.headers, a.id)),
      ...newcomers.map((parent) => () => signUpFor(app, parent.headers, classId, { subscribed: ['promoted'] })),
      () => replaceClass(app, staff, classId, { ...replacement, capacity: 60 }),
    ]
    // Interleaved rather than grouped by kind, then all sent at once.
    const shuffled = requests.map((request, i) => ({ request, key: (i * 7919) % requests.length })).sort((a, b) => a.key - b.key)
    const results = await Promise.all(shuffled.map(({ request }) => request()))
    expect(results.filter((r) => r.statusCode >= 300).map((r) => `${r.statusCode} ${r.body}`)).toEqual([])

    const { counts, rows } = await expectConsistent(classId)
    // 50 − 20 seats given up + 480 − 50 waiting + 100 new = 560 live for 60 seats.
    expect(counts).toMatchObject({ capacity: 60, counter: 60, confirmed: 60, waiting: 500, cancelled: 70 })
    expect(rows.filter((r) => r.promotedAt !== null && r.status === 'confirmed')).toHaveLength(30)
    const newcomerIds = new Set(newcomers.map((p) => p.userId))
    expect(rows.filter((r) => newcomerIds.has(r.userId!)).every((r) => r.status === 'waiting')).toBe(true)
  })

  it('a second round of cancellations promotes the next in line, and a capacity below the seats taken is refused', async () => {
    const holders = (await rowsOf(classId)).filter((r) => r.status === 'confirmed').slice(0, 15)
    const byUser = new Map([...early, ...crowd].map((p) => [p.userId, p]))
    const nextInLine = (await rowsOf(classId))
      .filter((r) => r.status === 'waiting')
      .slice(0, 15)
      .map((r) => r.id)
    const replacement = await replacementOf(app, staff, classId)
    const results = await Promise.all([
      ...holders.map((r) => cancelSignUp(app, byUser.get(r.userId!)!.headers, r.id)),
      replaceClass(app, staff, classId, { ...replacement, capacity: 59 }),
    ])
    expect(results.slice(0, 15).every((r) => r.statusCode === 200)).toBe(true)
    expect(results[15].statusCode).toBe(409)
    expect(results[15].json().field).toBe('capacity')

    const { counts, rows } = await expectConsistent(classId)
    expect(counts).toMatchObject({ capacity: 60, counter: 60, confirmed: 60, waiting: 485 })
    const nowConfirmed = new Set(rows.filter((r) => r.status === 'confirmed').map((r) => r.id))
    expect(nextInLine.every((id) => nowConfirmed.has(id))).toBe(true)
  })
})
