import type { FastifyInstance } from 'fastify'
import { purgeOldLoginCodes } from '../features/auth/repository'
import { classJobHandlers } from '../features/classes/message-handlers'
import { complaintJobHandlers } from '../features/complaints/forwarding/handler'
import { FORWARD_JOB } from '../features/complaints/forwarding/jobs'
import { orphanPhotoCleanup } from '../features/complaints/photos/orphan-cleanup'
import type { RecurringJob } from '../shared/jobs/recurring'
import { purgeFinishedJobs } from '../shared/jobs/repository'
import { startJobWorker, type JobHandlers, type JobWorker, type JobWorkerOptions } from '../shared/jobs/worker'

const HOUR_MS = 60 * 60 * 1000
const FINISHED_JOBS_KEPT_DAYS = 30

/**
 * Personal data kept no longer than its purpose needs (PIPL): sign-in codes, with the IP that asked, after a day;
 * finished jobs after 30 days, except complaint forwardings, which are the complaint's record of where it went.
 */
function retention(app: FastifyInstance): RecurringJob[] {
  return [
    {
      kind: 'retention.sign-in-codes',
      everyMs: HOUR_MS,
      run: async () => {
        const codes = await purgeOldLoginCodes(app.database.db)
        if (codes) app.log.info({ codes }, 'retention: old sign-in codes deleted')
      },
    },
    {
      kind: 'retention.finished-jobs',
      everyMs: HOUR_MS,
      run: async () => {
        const jobs = await purgeFinishedJobs(app.database.db, FINISHED_JOBS_KEPT_DAYS, [FORWARD_JOB])
        if (jobs) app.log.info({ jobs }, 'retention: finished jobs deleted')
      },
    },
  ]
}

/** Everything the BFF does in the background, as kinds of the one job queue: what features enqueue, and what recurs. */
export function backgroundJobs(app: FastifyInstance): { handlers: JobHandlers; recurring: RecurringJob[] } {
  return {
    handlers: { ...classJobHandlers(app), ...complaintJobHandlers(app) },
    recurring: [orphanPhotoCleanup(app), ...retention(app)],
  }
}

/** The one job worker of this instance; each job, recurring ones included, runs once across instances and restarts. */
export function startBackgroundJobs(app: FastifyInstance, options: Pick<JobWorkerOptions, 'instanceId' | 'pollMs' | 'leaseSeconds' | 'now'>): JobWorker {
  return startJobWorker({ db: app.database.db, log: app.log, ...backgroundJobs(app), ...options })
}
