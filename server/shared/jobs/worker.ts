import type { FastifyBaseLogger } from 'fastify'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { backoffSeconds, DEFAULT_BACKOFF, type BackoffPolicy } from '../backoff'
import { startPollLoop, type PollLoop } from '../poll-loop'
import type { JobHandlers, JobOutcome } from './handlers'
import { recurringScheduler, type RecurringJob } from './recurring'
import { claimDueJobs, recordDone, recordFailedAttempt, type ClaimedJob } from './repository'

export type { JobHandler, JobHandlers, JobOutcome } from './handlers'

export interface JobWorkerOptions {
  db: Kysely<Database>
  log: FastifyBaseLogger
  /** Unique per running BFF process (host name, pid, random): leases are taken and checked in its name. */
  instanceId: string
  handlers: JobHandlers
  /** Run once per period across all instances, besides the jobs enqueued by the features. */
  recurring?: RecurringJob[]
  /** Pause between polls when nothing was due. */
  pollMs?: number
  /** How long a lease holds: past it, a job whose instance died is taken by another. Keep it well above a handler's run. */
  leaseSeconds?: number
  batchSize?: number
  baseBackoffSeconds?: number
  maxBackoffSeconds?: number
  /** Tests only: runs after the handler succeeded and before that is recorded; throwing here is a crash at that moment. */
  beforeRecordingDone?: (job: ClaimedJob) => void | Promise<void>
  /** Tests only: the clock that decides the period of recurring jobs. */
  now?: () => number
}

/** runOnce() claims what is due now and handles each once; stop() waits for the round in flight. */
export type JobWorker = PollLoop

/**
 * Runs the jobs table, the one queue of the BFF: due jobs are leased (several instances never run the same job at
 * once), handed to the handler of their kind, and marked done. A failing job is retried with growing pauses and never
 * dropped; attempts and the last error stay on the row. Handlers run outside any transaction (PGlite has one
 * connection: holding it across an HTTP call would stall every request). Recurring jobs are enqueued for their
 * current period at the start of each round.
 */
export function startJobWorker(options: JobWorkerOptions): JobWorker {
  const { db, instanceId } = options
  const recurring = options.recurring ?? []
  const handlers: JobHandlers = { ...options.handlers, ...Object.fromEntries(recurring.map((job) => [job.kind, job.run])) }
  const scheduleRecurring = recurringScheduler(recurring, options.now)
  const pollMs = options.pollMs ?? 2000
  const leaseSeconds = options.leaseSeconds ?? 60
  const batchSize = options.batchSize ?? 10
  const backoff: BackoffPolicy = {
    baseSeconds: options.baseBackoffSeconds ?? DEFAULT_BACKOFF.baseSeconds,
    maxSeconds: options.maxBackoffSeconds ?? DEFAULT_BACKOFF.maxSeconds,
  }
  const log = options.log.child({ worker: 'jobs', instanceId })

  async function run(job: ClaimedJob): Promise<void> {
    const attempt = job.attempts + 1
    const handler = handlers[job.kind]
    let outcome: JobOutcome
    try {
      // A kind without a handler here may belong to a newer release running next to this one: retry, do not drop.
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`)
      outcome = await handler(job)
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      const retryInSeconds = backoffSeconds(attempt, backoff)
      await recordFailedAttempt(db, job, instanceId, message, retryInSeconds)
      log.warn({ jobId: job.id, kind: job.kind, attempt, error: message, retryInSeconds: Math.round(retryInSeconds) }, 'job failed, will retry')
      return
    }
    await options.beforeRecordingDone?.(job)
    const note = outcome && 'skipped' in outcome ? `skipped: ${outcome.skipped}` : null
    const recorded = await recordDone(db, job, instanceId, note, outcome && 'record' in outcome ? outcome.record : undefined)
    log.info({ jobId: job.id, kind: job.kind, attempt, recorded, ...(note ? { note } : {}) }, 'job done')
  }

  async function claimAndRun(): Promise<number> {
    await scheduleRecurring(db)
    const claimed = await claimDueJobs(db, instanceId, batchSize, leaseSeconds)
    const outcomes = await Promise.allSettled(claimed.map(run))
    for (const [i, outcome] of outcomes.entries()) {
      // Not recorded either way: the lease stays until it runs out, then the job is run again.
      if (outcome.status === 'rejected') log.error({ err: outcome.reason, jobId: claimed[i].id }, 'job interrupted')
    }
    return claimed.length
  }

  return startPollLoop(claimAndRun, { pollMs, batchSize, onError: (error) => log.error({ err: error }, 'could not claim jobs') })
}
