import type { FastifyInstance } from 'fastify'
import type { JobHandlers } from '../../../shared/jobs/handlers'
import { insertEvent } from '../repository'
import { FORWARD_JOB, forwardingOf } from './jobs'
import { SEND_TIMEOUT_MS, sendToIntake } from './send'

/**
 * Forwards a complaint to a department's intake endpoint until it is acknowledged. It never gives up: a failing
 * endpoint is retried by the queue with growing pauses, attempts and the last error stay on the job. The
 * acknowledgement is recorded together with 'forwarded' on the complaint's timeline, once, by the instance that still
 * holds the job.
 */
export function complaintJobHandlers(app: FastifyInstance, options: { sendTimeoutMs?: number } = {}): JobHandlers {
  return {
    [FORWARD_JOB]: async (job) => {
      const { complaintId, department, body } = forwardingOf(job.payload)
      // The address is not kept on the job: after a restart with a corrected COMPLAINT_INTAKE_URLS, waiting forwardings use it.
      const url = app.settings.complaints.intakeUrls[department]
      if (!url) throw new Error(`no intake URL configured for department ${department}`)
      const result = await sendToIntake(url, job.id, body, options.sendTimeoutMs ?? SEND_TIMEOUT_MS)
      if (!result.acknowledged) throw new Error(result.error)
      return { record: (trx) => insertEvent(trx, { complaintId, type: 'forwarded', actor: 'system', actorUserId: null, department }) }
    },
  }
}
