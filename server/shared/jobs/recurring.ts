import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { enqueue } from './repository'
import type { JobHandler } from './handlers'

/** Work done once per period across all instances (a clean-up, a retention purge), as jobs of the one queue. */
export interface RecurringJob {
  kind: string
  /** The period, counted from the Unix epoch: an hour runs it once per clock hour. */
  everyMs: number
  run: JobHandler
}

/** One job per kind and period: every instance enqueues it, the dedupe key keeps one, whichever instance claims it runs it. */
export const periodKey = (kind: string, periodStart: number) => `${kind}@${new Date(periodStart).toISOString()}`

/**
 * Returns a function that enqueues the current period's job of each recurring kind, due at the period's start. It
 * asks the database once per kind and period (it remembers which periods it enqueued), not on every poll.
 */
export function recurringScheduler(jobs: RecurringJob[], now: () => number = Date.now): (db: Kysely<Database>) => Promise<void> {
  const enqueuedPeriods = new Map<string, number>()
  return async (db) => {
    for (const job of jobs) {
      const periodStart = Math.floor(now() / job.everyMs) * job.everyMs
      if (enqueuedPeriods.get(job.kind) === periodStart) continue
      const runAt = new Date(periodStart).toISOString()
      await enqueue(db, { kind: job.kind, payload: { period: runAt }, runAt, dedupeKey: periodKey(job.kind, periodStart) })
      enqueuedPeriods.set(job.kind, periodStart)
    }
  }
}
