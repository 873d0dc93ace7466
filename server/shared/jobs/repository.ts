import { sql, type Insertable, type Kysely, type Selectable, type Transaction } from 'kysely'
import type { Database, JobsTable } from '../../db/schema'

type Db = Kysely<Database> | Transaction<Database>

/**
 * A job to write: `runAt` (ISO time) is now when omitted; at most one job ever exists per `dedupeKey`, so enqueueing it
 * again does nothing (a retried request, a repeated promotion). The payload is given as an object, stored as JSON.
 */
export type NewJob = Pick<Insertable<JobsTable>, 'kind' | 'runAt' | 'dedupeKey'> & { payload: Record<string, unknown> }

export type ClaimedJob = Pick<Selectable<JobsTable>, 'id' | 'kind' | 'payload' | 'runAt' | 'attempts'>

/**
 * Writes a job. Call it with the transaction that makes the change the job is about: the job then exists if and only
 * if the change was committed. Returns false when a job with the same dedupe key already exists.
 */
export async function enqueue(trx: Db, job: NewJob): Promise<boolean> {
  const inserted = await trx
    .insertInto('jobs')
    .values({ kind: job.kind, payload: JSON.stringify(job.payload), runAt: job.runAt ?? new Date().toISOString(), dedupeKey: job.dedupeKey ?? null })
    .onConflict((oc) => oc.column('dedupeKey').doNothing())
    .returning('id')
    .executeTakeFirst()
  return inserted !== undefined
}

/** Moves a job that has not run yet to `runAt`; false when there is none (never enqueued, or already done). */
export async function reschedule(trx: Db, dedupeKey: string, runAt: string): Promise<boolean> {
  const result = await trx.updateTable('jobs').set({ runAt }).where('dedupeKey', '=', dedupeKey).where('doneAt', 'is', null).executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/**
 * Leases up to `limit` due jobs to this instance for `leaseSeconds`, in one statement. FOR UPDATE SKIP LOCKED makes
 * concurrent claims by other instances pass over rows being claimed here instead of waiting and taking them too; the
 * lease of an instance that died runs out and its jobs become due again.
 */
export async function claimDueJobs(db: Db, instanceId: string, limit: number, leaseSeconds: number): Promise<ClaimedJob[]> {
  return db
    .updateTable('jobs')
    .set({ lockedUntil: sql<string>`now() + make_interval(secs => ${leaseSeconds})`, lockedBy: instanceId })
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('jobs')
        .select('id')
        .where('doneAt', 'is', null)
        .where('runAt', '<=', sql<string>`now()`)
        .where((w) => w.or([w('lockedUntil', 'is', null), w('lockedUntil', '<', sql<string>`now()`)]))
        .orderBy('runAt')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .returning(['id', 'kind', 'payload', 'runAt', 'attempts'])
    .execute()
}

/** Writes that belong to a job being done, made in the transaction that marks it done (e.g. a timeline entry). */
export type DoneRecord = (trx: Transaction<Database>) => Promise<void>

/**
 * Marks the job done, only while this instance still holds its lease: false when it no longer does (the lease ran
 * out and another instance claimed the job, which overwrote locked_by); `record` is then not written either.
 * `note` keeps why a job was done without doing anything (skipped).
 */
export async function recordDone(db: Kysely<Database>, job: ClaimedJob, instanceId: string, note: string | null = null, record?: DoneRecord): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('jobs')
      .set({ doneAt: sql<string>`now()`, attempts: sql<number>`attempts + 1`, lastError: note?.slice(0, 500) ?? null, lockedUntil: null, lockedBy: null })
      .where('id', '=', job.id)
      .where('doneAt', 'is', null)
      .where('lockedBy', '=', instanceId)
      .returning('id')
      .executeTakeFirst()
    if (!done) return false
    await record?.(trx)
    return true
  })
}

/** Counts the failed attempt, keeps its error, and releases the job until `retryInSeconds` from now. */
export async function recordFailedAttempt(db: Db, job: ClaimedJob, instanceId: string, error: string, retryInSeconds: number): Promise<void> {
  await db
    .updateTable('jobs')
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

/** The jobs with these dedupe keys, oldest first, whether done or not (what became of a request's work). */
export async function findJobs(db: Db, dedupeKeys: string[]) {
  if (!dedupeKeys.length) return []
  return db
    .selectFrom('jobs')
    .select(['id', 'kind', 'payload', 'dedupeKey', 'attempts', 'lastError', 'runAt', 'lockedBy', 'lockedUntil', 'doneAt', 'createdAt'])
    .where('dedupeKey', 'in', dedupeKeys)
    .orderBy('createdAt')
    .orderBy('dedupeKey')
    .execute()
}

/**
 * Finished jobs are kept `keepDays` for looking into what was sent, then deleted; unfinished ones never are, nor jobs
 * of `keptKinds` (those that are the only record of what was done, such as a complaint's forwarding).
 */
export async function purgeFinishedJobs(db: Db, keepDays = 30, keptKinds: string[] = []): Promise<number> {
  let query = db.deleteFrom('jobs').where('doneAt', '<', sql<string>`now() - make_interval(days => ${keepDays})`)
  if (keptKinds.length) query = query.where('kind', 'not in', keptKinds)
  const result = await query.executeTakeFirst()
  return Number(result.numDeletedRows)
}
