import type { Kysely } from 'kysely'
import type { Database } from '../../../db/schema'
import type { Department } from '../../../../types/complaints'

/**
 * Writes one delivery per department into the outbox. Call it inside the transaction that changes the complaint,
 * so the complaint and its deliveries are saved together or not at all. A department already queued is left as is.
 */
export async function enqueueDeliveries(trx: Kysely<Database>, complaintId: string, departments: Department[], payload: Record<string, unknown>): Promise<void> {
  if (!departments.length) return
  await trx.insertInto('complaintDeliveries')
    .values(departments.map((department) => ({ complaintId, department, payload: JSON.stringify({ ...payload, department }) })))
    .onConflict((oc) => oc.columns(['complaintId', 'department']).doNothing())
    .execute()
}
