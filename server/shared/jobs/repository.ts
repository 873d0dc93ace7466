import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../../db/schema'

type Db = Kysely<Database> | Transaction<Database>

export interface NewJob {
  kind: string
  payload: Record<string, unknown>
  /** ISO time; now when omitted. */
  runAt?: string
  /** At most one job ever exists per key: enqueueing it again does nothing (a retried request, a repeated promotion). */
  dedupeKey?: string
}

export interface ClaimedJob {
  id: string
  kind: string
  payload: Record<string, unknown>
  runAt: string
  attempts: number
}

/**
 * Writes a job. Call it with the transaction that makes the change the job is about: the job then exists if and only
 * if the change was committed. Returns false when a job with the same dedupe key already exists.
 */
export async function enqueue(trx: Db, job: NewJob): Promise<boolean> {
  const inserted = await trx.insertInto('jobs')
    .values({ kind: job.kind, payload: JSON.stringify(job.payload), runAt: job.runAt ?? new Date().toISOString(), dedupeKey: job.dedupeKey ?? null })
    .onConflict((oc) => oc.column('dedupeKey').doNothing())
    .returning('id')
    .executeTakeFirst()
  return inserted !== undefined
}

/** Moves a job that has not run yet to `runAt`; false when there is none (never enqueued, or already done). */
export async function reschedule(trx: Db, dedupeKey: string, runAt: string): Promise<boolean> {
  const result = await trx.updateTable('jobs').set({ runAt })
    .where('dedupeKey', '=', dedupeKey).where('doneAt', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/**
 * Leases up to `limit` due jobs to this instance for `leaseSeconds`, in one statement. FOR UPDATE SKIP LOCKED makes
 * concurrent claims by other instances pass over rows being claimed here instead of waiting and taking them too; the
 * lease of an instance that died runs out and its jobs become due again.
 */
export async function claimDueJobs(db: Db, instanceId: string, limit: number, leaseSeconds: number): Promise<ClaimedJob[]> {
  return db.updateTable('jobs')
    .set({ lockedUntil: sql<string>`now() + make_interval(secs => ${leaseSeconds})`, lockedBy: instanceId })
    .where('id', 'in', (eb) => eb.selectFrom('jobs')
      .select('id')
      .where('doneAt', 'is', null)
      .where('runAt', '<=', sql<string>`now()`)
      .where((w) => w.or([w('lockedUntil', 'is', null), w('lockedUntil', '<', sql<string>`now()`)]))
      .orderBy('runAt')
      .limit(limit)
      .forUpdate()
      .skipLocked())
    .returning(['id', 'kind', 'payload', 'runAt', 'attempts'])
    .execute()
}

/**
 * Marks the job done, only while this instance still holds its lease: false when it no longer does (the lease ran
 * out and another instance claimed the job, which overwrote locked_by). `note` keeps why a job was done without doing anything (skipped).
 */
export async function recordDone(db: Db, job: ClaimedJob, instanceId: string, note: string | null = null): Promise<boolean> {
  const done = await db.updateTable('jobs')
    .set({ doneAt: sql<string>`now()`, attempts: sql<number>`attempts + 1`, lastError: note?.slice(0, 500) ?? null, lockedUntil: null, lockedBy: null })
    .where('id', '=', job.id)
    .where('doneAt', 'is', null)
    .where('lockedBy', '=', instanceId)
    .returning('id')
    .executeTakeFirst()
  return done !== undefined
}

/** Counts the failed attempt, keeps its error, and releases the job until `retryInSeconds` from now. */
export async function recordFailedAttempt(db: Db, job: ClaimedJob, instanceId: string, error: string, retryInSeconds: number): Promise<void> {
  await db.updateTable('jobs')
    .set({
      attempts: sql<number>`attempts + 1`,
      lastError: error.slice(0, 500),
      runAt: sql<string>`now() + make_interval(secs => ${retryInSeconds})`,
      lockedUntil: null,
      lockedBy: null,
    })
    .where('id', '=', job.id)
    .where('doneAt', 'is', null)
    .where('lockedBy', '=', instanceId)
    .execute()
}

/** Finished jobs are kept `keepDays` for looking into what was sent, then deleted; unfinished ones never are. */
export async function purgeFinishedJobs(db: Db, keepDays = 30): Promise<number> {
  const result = await db.deleteFrom('jobs')
    .where('doneAt', '<', sql<string>`now() - make_interval(days => ${keepDays})`)
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}
