import type { Kysely, Transaction } from 'kysely'
import { DEPARTMENTS, type Department } from '../../../../types/complaints'
import type { Database } from '../../../db/schema'
import { enqueue, findJobs } from '../../../shared/jobs/repository'

/** The job kind that forwards one complaint to one department's intake (server/shared/jobs). */
export const FORWARD_JOB = 'complaints.forward'

/** One forwarding per complaint and department, ever: accepting again or assigning the same department adds none. */
export const forwardingKey = (complaintId: string, department: Department) => `${FORWARD_JOB}:${complaintId}:${department}`

/** What a forwarding job carries: the body is written when the job is, so every attempt sends the same. */
export interface Forwarding {
  complaintId: string
  department: Department
  body: Record<string, unknown>
}

export function forwardingOf(payload: Record<string, unknown>): Forwarding {
  const { complaintId, department, body } = payload
  if (typeof complaintId !== 'string' || !DEPARTMENTS.includes(department as Department) || typeof body !== 'object' || body === null) {
    throw new Error('not a complaint forwarding payload')
  }
  return { complaintId, department: department as Department, body: body as Record<string, unknown> }
}

/**
 * Queues one forwarding per department. Call it inside the transaction that changes the complaint, so the complaint
 * and its forwardings are saved together or not at all. A department already queued is left as it is.
 */
export async function enqueueForwarding(
  trx: Transaction<Database>,
  complaintId: string,
  departments: Department[],
  body: Record<string, unknown>,
): Promise<void> {
  for (const department of departments) {
    const forwarding: Forwarding = { complaintId, department, body: { ...body, department } }
    await enqueue(trx, { kind: FORWARD_JOB, payload: { ...forwarding }, dedupeKey: forwardingKey(complaintId, department) })
  }
}

/** How far the forwarding to each department got, oldest first: what the regulator sees. */
export async function forwardingStates(db: Kysely<Database>, complaintId: string, departments: Department[]) {
  const jobs = await findJobs(
    db,
    departments.map((department) => forwardingKey(complaintId, department)),
  )
  return jobs.map((job) => ({ department: forwardingOf(job.payload).department, attempts: job.attempts, deliveredAt: job.doneAt }))
}
