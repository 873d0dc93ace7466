import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import type { ClassInput, ClassReplacement, ParentingClassDetail } from '../../../types/classes'
import { signedInUser } from '../../../test/support/test-app'
import { chinaToday } from '../../shared/china-time'

export type Headers = { authorization: string }

/** An ISO instant `days` from today at `hour`:`minute` China time. */
export function chinaTime(days: number, hour = 14, minute = 0): string {
  const [y, m, d] = chinaToday().split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d + days, hour - 8, minute)).toISOString()
}

export function aClass(centreId: string, overrides: Partial<ClassInput> = {}): ClassInput {
  return {
    centreId,
    title: '婴幼儿辅食添加与喂养',
    kind: 'class',
    topic: 'feeding_nutrition',
    mode: 'offline',
    description: '讲解6月龄起辅食添加的顺序与常见误区，现场答疑。',
    venue: '中心三楼健康教育室',
    startsAt: chinaTime(3, 14),
    endsAt: chinaTime(3, 15, 30),
    speaker: '王丽 主任医师',
    minAgeMonths: 6,
    maxAgeMonths: 24,
    capacity: 30,
    ...overrides,
  }
}

/** Publishes through the API as centre staff and returns the class id, failing loudly otherwise. */
export async function published(app: FastifyInstance, headers: Headers, body: ClassInput): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/api/centre/classes', headers, payload: body })
  if (response.statusCode !== 201) throw new Error(`publishing failed: ${response.statusCode} ${response.body}`)
  return response.json().id as string
}

/** The class as staff read it (GET /api/centre/classes/:id), as the whole body PUT takes, with `changes` applied. */
export async function replacementOf(
  app: FastifyInstance,
  headers: Headers,
  classId: string,
  changes: Partial<ClassReplacement> = {},
): Promise<ClassReplacement> {
  const response = await app.inject({ method: 'GET', url: `/api/centre/classes/${classId}`, headers })
  if (response.statusCode !== 200) throw new Error(`reading the class failed: ${response.statusCode} ${response.body}`)
  const c = response.json() as ParentingClassDetail
  return {
    title: c.title,
    kind: c.kind,
    topic: c.topic,
    mode: c.mode,
    description: c.description,
    venue: c.venue,
    address: c.address,
    lat: c.lat,
    lng: c.lng,
    onlineUrl: c.onlineUrl,
    startsAt: c.startsAt,
    endsAt: c.endsAt,
    cancellableUntil: c.cancellableUntil,
    speaker: c.speaker,
    minAgeMonths: c.minAgeMonths,
    maxAgeMonths: c.maxAgeMonths,
    capacity: c.capacity,
    ...changes,
  }
}

export const replaceClass = (app: FastifyInstance, headers: Headers, classId: string, body: object) =>
  app.inject({ method: 'PUT', url: `/api/centre/classes/${classId}`, headers, payload: body })

/** A parent; with `openid` also a WeChat account (messages can reach them). */
export async function aParent(app: FastifyInstance, options: { openid?: string } = {}) {
  const user = await signedInUser(app)
  if (options.openid) await app.database.db.updateTable('users').set({ wechatOpenid: options.openid }).where('id', '=', user.userId).execute()
  return user
}

/** A child of the parent, written directly (adding children with consent is tested in the me feature). */
export async function aChild(app: FastifyInstance, userId: string, birthMonth: string, nickname = '豆豆') {
  return app.database.db.insertInto('children').values({ userId, nickname, birthMonth }).returning('id').executeTakeFirstOrThrow()
}

/** The birth month of a child who is `months` old this month (China time). */
export function bornMonthsAgo(months: number, from = new Date()): string {
  const [y, m] = chinaToday(from).split('-').map(Number)
  const index = y * 12 + (m - 1) - months
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

export const signUpFor = (app: FastifyInstance, headers: Headers, classId: string, body: object = { subscribed: [] }) =>
  app.inject({ method: 'POST', url: `/api/classes/${classId}/sign-ups`, headers, payload: body })

export const cancelSignUp = (app: FastifyInstance, headers: Headers, signUpId: string) =>
  app.inject({ method: 'POST', url: `/api/sign-ups/${signUpId}/cancel`, headers })

/** Moves a class in time directly in the database, e.g. into the past (the API only accepts future starts). */
export async function moveClass(app: FastifyInstance, id: string, times: { startsAt: string; endsAt: string; cancellableUntil?: string }) {
  await app.database.db
    .updateTable('parentingClasses')
    .set({ startsAt: times.startsAt, endsAt: times.endsAt, cancellableUntil: times.cancellableUntil ?? times.startsAt })
    .where('id', '=', id)
    .execute()
}

export const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3600_000).toISOString()

/** The class counters against the rows: what the concurrency and promotion tests compare. */
export async function seatCounts(app: FastifyInstance, classId: string) {
  const row = await app.database.db.selectFrom('parentingClasses').select(['capacity', 'confirmedCount']).where('id', '=', classId).executeTakeFirstOrThrow()
  const counts = await sql<{
    status: string
    n: number
  }>`SELECT status, count(*)::int AS n FROM class_sign_ups WHERE class_id = ${classId} GROUP BY status`.execute(app.database.db)
  const byStatus = Object.fromEntries(counts.rows.map((r) => [r.status, r.n])) as Record<string, number>
  return {
    capacity: row.capacity,
    counter: row.confirmedCount,
    confirmed: byStatus.confirmed ?? 0,
    waiting: byStatus.waiting ?? 0,
    cancelled: byStatus.cancelled ?? 0,
  }
}

/** Jobs queued for a sign-up, by kind. */
export async function jobsFor(app: FastifyInstance, signUpId: string) {
  return app.database.db
    .selectFrom('jobs')
    .select(['kind', 'runAt', 'doneAt', 'lastError', 'dedupeKey'])
    .where(sql`payload->>'signUpId'`, '=', signUpId)
    .orderBy('kind')
    .execute()
}
