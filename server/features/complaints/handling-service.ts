import type { FastifyBaseLogger } from 'fastify'
import type { Kysely, Transaction } from 'kysely'
import type { CloseBody, Department } from '../../../types/complaints'
import type { Database } from '../../db/schema'
import { badRequest, conflict } from '../../shared/http-errors'
import { enqueueForwarding } from './forwarding/jobs'
import { deliveryPayload } from './present'
import {
  changeStatus,
  complaintDetails,
  insertEvent,
  insertSanction,
  lockComplaintStatus,
  markSanctionPublished,
  type ComplaintRow,
  type StatusChange,
} from './repository'
import { complaintHandling, type RegulatorAction } from './transitions'

type Db = Kysely<Database>

/** Who acts: their id goes into the audit trail (never into any view), the log says who moved what. */
export interface Regulator {
  userId: string
  log: FastifyBaseLogger
}

interface Step {
  note?: string | null
  department?: Department | null
  change?: StatusChange
}

/** Moves the complaint as the regulator saw it, and records the step with who did it. */
async function move(trx: Transaction<Database>, by: Regulator, complaint: ComplaintRow, action: RegulatorAction, step: Step = {}): Promise<void> {
  const to = await complaintHandling.apply({
    action,
    seen: { status: complaint.status },
    lock: async () => {
      const status = await lockComplaintStatus(trx, complaint.id)
      return status && { status }
    },
    update: (status) => changeStatus(trx, complaint.id, status, step.change),
    record: (from, status) =>
      insertEvent(trx, {
        complaintId: complaint.id,
        type: status,
        fromStatus: from,
        toStatus: status,
        actor: 'regulator',
        actorUserId: by.userId,
        department: step.department ?? null,
        note: step.note ?? null,
      }),
  })
  by.log.info({ trackingNumber: complaint.trackingNumber, from: complaint.status, to, by: by.userId }, 'complaint status changed')
}

/** What each department's intake receives, as the complaint stands now (photos of additions included). */
async function forwardingBody(db: Db, complaint: ComplaintRow): Promise<Record<string, unknown>> {
  const details = await complaintDetails(db, complaint)
  return deliveryPayload(
    complaint,
    details.institution,
    details.photos.map((p) => p.id),
  )
}

/** 受理: the complaint is forwarded to its departments, queued with the status change. */
export async function acceptComplaint(db: Db, by: Regulator, complaint: ComplaintRow, note: string | undefined): Promise<void> {
  const body = await forwardingBody(db, complaint)
  await db.transaction().execute(async (trx) => {
    await move(trx, by, complaint, 'accept', { note })
    await enqueueForwarding(trx, complaint.id, complaint.departments, body)
  })
}

export async function rejectComplaint(db: Db, by: Regulator, complaint: ComplaintRow, reason: string): Promise<void> {
  await db.transaction().execute((trx) => move(trx, by, complaint, 'reject', { note: reason, change: { rejectionReason: reason } }))
}

/** 派单: the department joins the complaint's departments and is forwarded the complaint. */
export async function assignComplaint(db: Db, by: Regulator, complaint: ComplaintRow, department: Department, note: string | undefined): Promise<void> {
  const body = await forwardingBody(db, complaint)
  await db.transaction().execute(async (trx) => {
    await move(trx, by, complaint, 'assign', { note, department, change: { department } })
    await enqueueForwarding(trx, complaint.id, [department], body)
  })
}

export async function startHandling(db: Db, by: Regulator, complaint: ComplaintRow, note: string | undefined): Promise<void> {
  await db.transaction().execute((trx) => move(trx, by, complaint, 'progress', { note }))
}

export async function replyToComplaint(db: Db, by: Regulator, complaint: ComplaintRow, reply: string): Promise<void> {
  await db.transaction().execute((trx) => move(trx, by, complaint, 'reply', { change: { reply } }))
}

/** 办结 with the outcome; a sanction only when upheld against a registered institution, published separately. */
export async function closeComplaint(db: Db, by: Regulator, complaint: ComplaintRow, close: CloseBody): Promise<void> {
  const { outcome, note, sanction } = close
  if (sanction && outcome === 'not_upheld') throw badRequest('sanction', '投诉不属实时不能附处罚决定 (no sanction when the complaint is not upheld)')
  if (sanction && !complaint.institutionId) throw badRequest('sanction', '只有针对已登记机构的投诉才能公示处罚 (a sanction needs a registered institution)')
  await db.transaction().execute((trx) => move(trx, by, complaint, 'close', { note, change: { outcome, sanction } }))
}

/** The sanction goes on the institution's public page: the decision only, nothing about who complained. */
export async function publishSanction(db: Db, by: Regulator, complaint: ComplaintRow, note: string | undefined): Promise<void> {
  const { sanction } = complaint
  if (complaint.status !== 'closed' || !sanction) throw conflict('只有已办结且附有处罚决定的投诉才能公示处罚 (only a closed complaint with a sanction)')
  await db.transaction().execute(async (trx) => {
    if (!(await markSanctionPublished(trx, complaint.id))) throw conflict('处罚决定已经公示过了 (the sanction is already published)')
    if (!(await insertSanction(trx, complaint.institutionId!, sanction))) {
      throw conflict('该机构同一天已有同类处罚记录，请核对后再公示 (the institution already has a sanction of this kind on that date)')
    }
    await insertEvent(trx, {
      complaintId: complaint.id,
      type: 'sanction_published',
      actor: 'regulator',
      actorUserId: by.userId,
      note: note ?? `${sanction.department}：${sanction.measure}`,
    })
  })
}
