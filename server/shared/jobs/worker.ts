import type { FastifyBaseLogger } from 'fastify'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { backoffSeconds, DEFAULT_BACKOFF, type BackoffPolicy } from '../backoff'
import { startPollLoop, type PollLoop } from '../poll-loop'
import { claimDueJobs, recordDone, recordFailedAttempt, type ClaimedJob } from './repository'

/**
 * What a handler tells the worker: nothing (done), or `{ skipped }` when there was nothing to do any more (the
 * sign-up was cancelled, the parent never subscribed): done all the same, with the reason kept on the row.
 * Throwing means "try again later".
 */
export type JobOutcome = void | { skipped: string }
export type JobHandler = (job: ClaimedJob) => Promise<JobOutcome>
export type JobHandlers = Record<string, JobHandler>

export interface JobWorkerOptions {
  db: Kysely<Database>
  log: FastifyBaseLogger
  /** Unique per running BFF process (host name, pid, random): leases are taken and checked in its name. */
  instanceId: string
  handlers: JobHandlers
  /** Pause between polls when nothing was due. */
  pollMs?: number
  /** How long a lease holds: past it, a job whose instance died is taken by another. Keep it well above a handler's run. */
  leaseSeconds?: number
  batchSize?: number
  baseBackoffSeconds?: number
  maxBackoffSeconds?: number
  /** Tests only: runs after the handler succeeded and before that is recorded; throwing here is a crash at that moment. */
  beforeRecordingDone?: (job: ClaimedJob) => void | Promise<void>
}

/** runOnce() claims what is due now and handles each once; stop() waits for the round in flight. */
export type JobWorker = PollLoop

/**
 * Runs the jobs table: due jobs are leased (several instances never run the same job at once), handed to the handler
 * of their kind, and marked done. A failing job is retried with growing pauses and never dropped; attempts and the
 * last error stay on the row. Handlers run outside any transaction (PGlite has one connection: holding it across an
 * HTTP call would stall every request).
 */
export function startJobWorker(options: JobWorkerOptions): JobWorker {
  const { db, instanceId, handlers } = options
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
    const note = outcome ? `skipped: ${outcome.skipped}` : null
    const recorded = await recordDone(db, job, instanceId, note)
    log.info({ jobId: job.id, kind: job.kind, attempt, recorded, ...(note ? { note } : {}) }, 'job done')
  }

  async function claimAndRun(): Promise<number> {
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
