import type { Kysely } from 'kysely'
import type { GuidanceRequest } from '../../../types/guidance'
import type { Database } from '../../db/schema'
import { applyChange, findRequest, insertEvent, requestView, type RequestChanges, type RequestRow } from './repository'
import { TRANSITIONS, changedMeanwhile, nextStatus, noSuchRequest, type GuidanceAction } from './transitions'

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
  const to = nextStatus(change.action, row.status)
  const at = new Date().toISOString()
  await db.transaction().execute(async (trx) => {
    const applied = await applyChange(trx, row, TRANSITIONS[change.action].from, { ...change.fields, status: to }, at)
    if (!applied) {
      const now = await findRequest(trx, row.id)
      if (!now) throw noSuchRequest()
      nextStatus(change.action, now.status)
      throw changedMeanwhile()
    }
    await insertEvent(trx, { requestId: row.id, status: to, note: change.note ?? null, actor: change.actor, actorUserId: change.actorUserId, at })
  })
}

/** The request as both sides see it; 404 if it went meanwhile (the child's data was deleted). */
export async function shownRequest(db: Kysely<Database>, id: string): Promise<GuidanceRequest> {
  const view = await requestView(db, id)
  if (!view) throw noSuchRequest()
  return view
}
