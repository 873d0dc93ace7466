import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { insertEvent, lockRequest, updateRequest, type RequestChanges, type RequestRow } from './repository'
import { guidanceRequests, type GuidanceAction } from './transitions'

export interface Change {
  action: GuidanceAction
  actor: 'parent' | 'centre'
  actorUserId: string
  /** What else changes with the status (the centre, the time, the reason). */
  fields?: Omit<RequestChanges, 'status'>
  /** Kept in the history: the decline reason, the visit note, the time and staff of a visit. */
  note?: string | null
}

/**
 * Moves the request as `row` showed it and records the step in its history, in one transaction. If someone changed
 * it in between, nothing is written and the answer is 409: with the reason when its new status rules the action out,
 * otherwise asking to reload (a second schedule must not silently replace the first one the family was told about).
 */
export async function changeRequest(db: Kysely<Database>, row: RequestRow, change: Change): Promise<void> {
  const at = new Date().toISOString()
  await db.transaction().execute((trx) =>
    guidanceRequests.apply({
      action: change.action,
      seen: row,
      lock: () => lockRequest(trx, row.id),
      update: (status) => updateRequest(trx, row.id, { ...change.fields, status }, at),
      record: (_, status) =>
        insertEvent(trx, { requestId: row.id, status, note: change.note ?? null, actor: change.actor, actorUserId: change.actorUserId, at }),
    }),
  )
}
