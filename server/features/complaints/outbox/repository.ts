import { sql, type Kysely } from 'kysely'
import type { Database } from '../../../db/schema'

export interface ClaimedDelivery {
  id: string
  complaintId: string
  department: string
  payload: Record<string, unknown>
  attempts: number
}

/**
 * Locks up to `limit` due deliveries for this instance for `leaseSeconds`, in one statement. FOR UPDATE SKIP LOCKED
 * makes concurrent claims by other instances pass over rows being claimed here instead of waiting and taking them too;
 * a lock left by an instance that died expires with its lease and the row becomes due again.
 */
export async function claimDueDeliveries(db: Kysely<Database>, instanceId: string, limit: number, leaseSeconds: number): Promise<ClaimedDelivery[]> {
  return db.updateTable('complaintDeliveries')
    .set({ lockedUntil: sql<string>`now() + make_interval(secs => ${leaseSeconds})`, lockedBy: instanceId })
    .where('id', 'in', (eb) => eb.selectFrom('complaintDeliveries')
      .select('id')
      .where('deliveredAt', 'is', null)
      .where('nextAttemptAt', '<=', sql<string>`now()`)
      .where((w) => w.or([w('lockedUntil', 'is', null), w('lockedUntil', '<', sql<string>`now()`)]))
      .orderBy('nextAttemptAt')
      .limit(limit)
      .forUpdate()
      .skipLocked())
    .returning(['id', 'complaintId', 'department', 'payload', 'attempts'])
    .execute()
}

/**
 * The receiver acknowledged: marks the delivery done and adds 'forwarded' to the complaint's timeline, together.
 * Only while this instance still holds the claim; returns false when it no longer does (its lease ran out and another
 * instance took over, which re-sends under the same Idempotency-Key).
 */
export async function recordDelivered(db: Kysely<Database>, delivery: ClaimedDelivery, instanceId: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const done = await trx.updateTable('complaintDeliveries')
      .set({ deliveredAt: sql<string>`now()`, attempts: sql<number>`attempts + 1`, lastError: null, lockedUntil: null, lockedBy: null })
      .where('id', '=', delivery.id)
      .where('deliveredAt', 'is', null)
      .where('lockedBy', '=', instanceId)
      .returning('id')
      .executeTakeFirst()
    if (!done) return false
    await trx.insertInto('complaintEvents')
      .values({ complaintId: delivery.complaintId, type: 'forwarded', actor: 'system', department: delivery.department })
      .execute()
    return true
  })
}

/** Counts the failed attempt, keeps its error for the regulator to see, and releases the row until `retryInSeconds`. */
export async function recordFailedAttempt(db: Kysely<Database>, delivery: ClaimedDelivery, instanceId: string, error: string, retryInSeconds: number): Promise<void> {
  await db.updateTable('complaintDeliveries')
    .set({
      attempts: sql<number>`attempts + 1`,
      lastError: error.slice(0, 500),
      nextAttemptAt: sql<string>`now() + make_interval(secs => ${retryInSeconds})`,
      lockedUntil: null,
      lockedBy: null,
    })
    .where('id', '=', delivery.id)
    .where('deliveredAt', 'is', null)
    .where('lockedBy', '=', instanceId)
    .execute()
}
