import { sql, type Transaction, type Updateable } from 'kysely'
import type { SignUpStatus } from '../../../types/classes'
import type { Database, ParentingClassesTable } from '../../db/schema'
import { liveSession } from '../../shared/auth'
import { LIVE } from './sign-up-repository'

/**
 * The SQL of seat changes. Every function but lockClass expects the transaction to hold the class row lock already
 * (lockClass first, then any sign-up: always in that order, so two changes never deadlock).
 */
type Trx = Transaction<Database>

/** The class row, locked until the transaction ends: sign-ups, cancellations and capacity changes queue here. */
export async function lockClass(trx: Trx, id: string) {
  return trx.selectFrom('parentingClasses').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
}

export type LockedClass = NonNullable<Awaited<ReturnType<typeof lockClass>>>

/** The sign-up, locked. */
export async function lockSignUp(trx: Trx, id: string) {
  return trx.selectFrom('classSignUps').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
}

/** The seat counters as they stand now in the transaction (after its own changes). */
export async function seatCounts(trx: Trx, classId: string) {
  return trx
    .selectFrom('parentingClasses')
    .select(['id', 'capacity', 'confirmedCount', 'startsAt', 'status'])
    .where('id', '=', classId)
    .executeTakeFirstOrThrow()
}

export async function updateClassFields(trx: Trx, id: string, changes: Updateable<ParentingClassesTable>): Promise<void> {
  await trx
    .updateTable('parentingClasses')
    .set({ ...changes, version: sql<number>`version + 1`, updatedAt: sql<string>`now()` })
    .where('id', '=', id)
    .execute()
}

export async function addToConfirmedCount(trx: Trx, classId: string, seats: number): Promise<void> {
  await trx
    .updateTable('parentingClasses')
    .set({ confirmedCount: sql<number>`confirmed_count + ${seats}` })
    .where('id', '=', classId)
    .execute()
}

/** The first `limit` waiting sign-ups, in queue order. */
export async function firstWaiting(trx: Trx, classId: string, limit: number): Promise<string[]> {
  const rows = await trx
    .selectFrom('classSignUps')
    .select('id')
    .where('classId', '=', classId)
    .where('status', '=', 'waiting')
    .orderBy('queueNumber')
    .limit(limit)
    .execute()
  return rows.map((r) => r.id)
}

/** Gives the waiting sign-ups a seat; returns those it changed. */
export async function confirmWaiting(trx: Trx, ids: string[]) {
  if (!ids.length) return []
  return trx
    .updateTable('classSignUps')
    .set({ status: 'confirmed', promotedAt: sql<string>`now()` })
    .where('id', 'in', ids)
    .where('status', '=', 'waiting')
    .returning(['id', 'subscribed'])
    .execute()
}

export async function confirmedSignUps(trx: Trx, classId: string) {
  return trx.selectFrom('classSignUps').select(['id', 'subscribed']).where('classId', '=', classId).where('status', '=', 'confirmed').execute()
}

export async function setSignUpCancelled(trx: Trx, id: string): Promise<void> {
  await trx
    .updateTable('classSignUps')
    .set({ status: 'cancelled', cancelledAt: sql<string>`now()` })
    .where('id', '=', id)
    .execute()
}

export async function setClassCancelled(trx: Trx, classId: string, reason: string): Promise<void> {
  await trx
    .updateTable('parentingClasses')
    .set({
      status: 'cancelled',
      cancelReason: reason,
      cancelledAt: sql<string>`now()`,
      confirmedCount: 0,
      version: sql<number>`version + 1`,
      updatedAt: sql<string>`now()`,
    })
    .where('id', '=', classId)
    .execute()
}

/** Every live sign-up of the class ends as class_cancelled; returns them. */
export async function endLiveSignUps(trx: Trx, classId: string) {
  return trx
    .updateTable('classSignUps')
    .set({ status: 'class_cancelled', cancelledAt: sql<string>`now()` })
    .where('classId', '=', classId)
    .where('status', 'in', LIVE)
    .returning(['id', 'subscribed'])
    .execute()
}

/** The classes the user has sign-ups for, in id order (the order they are locked in). Needs no class lock. */
export async function classIdsOfUser(trx: Trx, userId: string): Promise<string[]> {
  const rows = await trx.selectFrom('classSignUps').select('classId').distinct().where('userId', '=', userId).orderBy('classId').execute()
  return rows.map((r) => r.classId)
}

/** Deletes the user's sign-ups of the class; returns the statuses they had. */
export async function deleteSignUpsOfUser(trx: Trx, classId: string, userId: string) {
  const removed = await trx.deleteFrom('classSignUps').where('classId', '=', classId).where('userId', '=', userId).returning(['status']).execute()
  return removed.map((r) => r.status)
}

/** One parent's sign-up for one class as the batch statement takes it. */
export interface SignUpAttempt {
  classId: string
  userId: string
  /** The session of the request: checked in the statement itself (shared/auth liveSession), nothing written when ended. */
  sessionId: string
  childId: string | null
  subscribed: string[]
}

export interface SignUpBatch {
  /** In arrival order, at most one per parent and class: each class's seats and queue numbers go in this order. */
  attempts: SignUpAttempt[]
  /** The instant the rules are checked at, the same one the caller explains a refusal with. */
  now: number
  /** What a seat queues: the job kind and the dedupe key before the sign-up's id, per message kind. */
  jobs: Record<'sign_up_confirmed' | 'reminder', { kind: string; keyPrefix: string }>
  reminderLeadMs: number
}

export type SignUpClass = Pick<LockedClass, 'status' | 'startsAt' | 'minAgeMonths' | 'maxAgeMonths' | 'capacity' | 'confirmedCount'>

/**
 * Per attempt: its session, its class as locked (null: no such class, or no live session asked for it), its child's
 * birth month, a live sign-up the parent already had, and the sign-up if made.
 */
export interface SignUpOutcome {
  sessionLive: boolean
  locked: SignUpClass | null
  childBirthMonth: string | null
  alreadySignedUp: boolean
  signUp: { id: string; status: SignUpStatus } | null
}

/** Locks the classes, in id order (as every change locking several does), until the transaction ends. */
export async function lockClasses(trx: Trx, ids: string[]): Promise<void> {
  await trx
    .selectFrom('parentingClasses')
    .select('id')
    .where('id', 'in', [...new Set(ids)])
    .orderBy('id')
    .forUpdate()
    .execute()
}

/**
 * Sign-ups in one statement, for a transaction that holds the classes' locks already (lockClasses): the statement then
 * reads the classes and sign-ups as committed before it, and the locks are held for two statements and a commit however
 * many parents they serve. Checks each session, that each class is open and suits each child, and that the parent has
 * no live sign-up for it yet; gives seats while any are free and then queue numbers, in the attempts' order; inserts
 * the sign-ups and queues the seats' messages (ON CONFLICT as enqueue does). Nothing is written for a refused attempt.
 * Counts of other sign-ups are read after the commit. Returns the outcomes in the attempts' order.
 */
export async function signUpBatch(trx: Trx, b: SignUpBatch): Promise<SignUpOutcome[]> {
  const now = new Date(b.now).toISOString()
  const chinaMonth = sql`((l.starts_at AT TIME ZONE 'UTC') + interval '8 hours')`
  const ageAtStart = sql`(extract(year FROM ${chinaMonth})::int * 12 + extract(month FROM ${chinaMonth})::int
    - (split_part(a.child_birth_month, '-', 1)::int * 12 + split_part(a.child_birth_month, '-', 2)::int))`
  const attempts = JSON.stringify(
    b.attempts.map((a, i) => ({ ord: i, class_id: a.classId, user_id: a.userId, session_id: a.sessionId, child_id: a.childId, subscribed: a.subscribed })),
  )
  const { rows } = await sql<{
    sessionLive: boolean
    childBirthMonth: string | null
    alreadySignedUp: boolean
    signUpId: string | null
    signUpStatus: SignUpStatus | null
    found: boolean
    status: LockedClass['status']
    startsAt: string
    minAgeMonths: number
    maxAgeMonths: number
    capacity: number
    confirmedCount: number
  }>`
    WITH a AS (
      SELECT a.*, ${liveSession(sql.ref('a.session_id'), sql.ref('a.user_id'))} AS session_live,
        k.birth_month AS child_birth_month,
        EXISTS (SELECT 1 FROM class_sign_ups x WHERE x.class_id = a.class_id AND x.user_id = a.user_id
          AND x.status IN ('confirmed', 'waiting')) AS already_signed_up
      FROM jsonb_to_recordset(${attempts}::jsonb) AS a(ord int, class_id uuid, user_id uuid, session_id uuid, child_id uuid, subscribed text[])
      LEFT JOIN children k ON k.id = a.child_id AND k.user_id = a.user_id
    ), l AS (
      SELECT id, status, starts_at, min_age_months, max_age_months, capacity, confirmed_count, last_queue_number
      FROM parenting_classes WHERE id IN (SELECT class_id FROM a WHERE a.session_live)
    ), e AS (
      SELECT a.*, row_number() OVER (PARTITION BY a.class_id ORDER BY a.ord) AS r FROM a JOIN l ON l.id = a.class_id
      WHERE a.session_live AND NOT a.already_signed_up AND l.status = 'scheduled' AND l.starts_at > ${now}::timestamptz
        AND (a.child_id IS NULL OR (a.child_birth_month IS NOT NULL AND ${ageAtStart} BETWEEN l.min_age_months AND l.max_age_months))
    ), counters AS (
      UPDATE parenting_classes c
      SET last_queue_number = l.last_queue_number + n.taken, confirmed_count = LEAST(l.capacity, l.confirmed_count + n.taken)
      FROM l JOIN (SELECT class_id, count(*) AS taken FROM e GROUP BY class_id) n ON n.class_id = l.id
      WHERE c.id = l.id
    ), s AS (
      INSERT INTO class_sign_ups (class_id, user_id, child_id, subscribed, status, queue_number)
      SELECT l.id, e.user_id, e.child_id, coalesce(e.subscribed, '{}'),
        CASE WHEN l.confirmed_count + e.r <= l.capacity THEN 'confirmed' ELSE 'waiting' END, l.last_queue_number + e.r
      FROM e JOIN l ON l.id = e.class_id
      RETURNING id, class_id, user_id, status, subscribed
    ), messages AS (
      INSERT INTO jobs (kind, payload, run_at, dedupe_key)
      SELECT m.kind, jsonb_build_object('signUpId', s.id), m.run_at, m.key_prefix || s.id
      FROM s JOIN l ON l.id = s.class_id CROSS JOIN LATERAL (VALUES
        ('sign_up_confirmed', ${b.jobs.sign_up_confirmed.kind}, ${b.jobs.sign_up_confirmed.keyPrefix}, ${now}::timestamptz),
        ('reminder', ${b.jobs.reminder.kind}, ${b.jobs.reminder.keyPrefix}, l.starts_at - make_interval(secs => ${b.reminderLeadMs / 1000}))
      ) AS m(message, kind, key_prefix, run_at)
      WHERE s.status = 'confirmed' AND m.message = ANY(s.subscribed) AND (m.message <> 'reminder' OR m.run_at > ${now}::timestamptz)
      ON CONFLICT (dedupe_key) DO NOTHING
    )
    SELECT a.session_live, a.child_birth_month, a.already_signed_up, s.id AS sign_up_id, s.status AS sign_up_status,
      l.id IS NOT NULL AS found, l.status, l.starts_at, l.min_age_months, l.max_age_months, l.capacity, l.confirmed_count
    FROM a LEFT JOIN l ON l.id = a.class_id LEFT JOIN s ON s.class_id = a.class_id AND s.user_id = a.user_id
    ORDER BY a.ord`.execute(trx)
  return rows.map((row) => ({
    sessionLive: row.sessionLive,
    locked: row.found
      ? {
          status: row.status,
          startsAt: row.startsAt,
          minAgeMonths: row.minAgeMonths,
          maxAgeMonths: row.maxAgeMonths,
          capacity: row.capacity,
          confirmedCount: row.confirmedCount,
        }
      : null,
    childBirthMonth: row.childBirthMonth,
    alreadySignedUp: row.alreadySignedUp,
    signUp: row.signUpId ? { id: row.signUpId, status: row.signUpStatus! } : null,
  }))
}
