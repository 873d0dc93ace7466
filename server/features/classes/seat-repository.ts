import { sql, type Insertable, type Transaction, type Updateable } from 'kysely'
import type { ClassSignUpsTable, Database, ParentingClassesTable } from '../../db/schema'
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

/** The next number in the class's queue, counting a seat when `seated`. */
export async function takeQueueNumber(trx: Trx, classId: string, seated: boolean): Promise<number> {
  const counters = await trx
    .updateTable('parentingClasses')
    .set({ lastQueueNumber: sql<number>`last_queue_number + 1`, confirmedCount: sql<number>`confirmed_count + ${seated ? 1 : 0}` })
    .where('id', '=', classId)
    .returning(['lastQueueNumber'])
    .executeTakeFirstOrThrow()
  return counters.lastQueueNumber
}

export async function insertSignUp(trx: Trx, signUp: Insertable<ClassSignUpsTable>) {
  return trx.insertInto('classSignUps').values(signUp).returning(['id', 'status', 'subscribed']).executeTakeFirstOrThrow()
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
