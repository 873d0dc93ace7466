import type { Kysely } from 'kysely'
import type { Department, FileComplaintBody, FiledComplaint } from '../../../types/complaints'
import type { Database } from '../../db/schema'
import { badRequest, conflict, notFound } from '../../shared/http-errors'
import { deadlinesOf } from './deadlines'
import { checkOccurredAt, isSameFiling, subjectOf } from './filing-rules'
import { enqueueForwarding } from './forwarding/jobs'
import { deliveryPayload } from './present'
import {
  attachPhotos,
  filingPhotoIds,
  findComplaintByIdempotencyKey,
  findRoutingInstitution,
  insertComplaintUnlessTaken,
  insertEvent,
  type ComplaintRow,
} from './repository'
import { routeComplaint } from './routing'
import { complaintSecret, hashSecret, newTrackingNumber } from './secrets'

const DEPARTMENT_NAMES: Record<Department, string> = {
  market_regulation: '市场监管',
  emergency_management: '应急管理',
  public_security: '公安',
  health: '卫生健康',
  education: '教育',
  human_resources: '人力资源社会保障',
  civil_affairs: '民政',
}

export interface FilingSettings {
  jwtSecret: string
  deadlines: { acceptDays: number; replyDays: number }
  cityCodes: Set<string>
}

export interface Filing {
  body: FileComplaintBody
  idempotencyKey: string
  /** Null for an anonymous filing, and for a named one without an account. */
  reporterUserId: string | null
}

/** `created` is false when the key was filed before: the same answer again, secret included. */
export interface FilingOutcome {
  complaint: ComplaintRow
  answer: FiledComplaint
  created: boolean
}

const answerOf = (complaint: ComplaintRow, secret: string): FiledComplaint => ({
  trackingNumber: complaint.trackingNumber,
  secret,
  status: complaint.status,
  urgent: complaint.urgent,
  departments: complaint.departments,
  filedAt: complaint.filedAt,
})

/** The filing already made under this key, answered again unless the body differs (409). */
async function retried(db: Kysely<Database>, settings: FilingSettings, existing: ComplaintRow, filing: Filing): Promise<FilingOutcome> {
  if (!isSameFiling(existing, await filingPhotoIds(db, existing.id), filing.body, filing.reporterUserId)) {
    throw conflict('此 Idempotency-Key 已用于另一份投诉；新投诉请使用新的 Idempotency-Key (key already used for a different complaint)', 'Idempotency-Key')
  }
  return { complaint: existing, answer: answerOf(existing, complaintSecret(settings.jwtSecret, filing.idempotencyKey)), created: false }
}

/**
 * Files the complaint with its photos and its first timeline entry, in one transaction. Suspected abuse is forwarded
 * at once: its forwarding jobs are queued in the same transaction. A retry under the same Idempotency-Key, even one
 * racing the first, files nothing and gets the first answer.
 */
export async function fileComplaint(db: Kysely<Database>, settings: FilingSettings, filing: Filing, now = new Date()): Promise<FilingOutcome> {
  const { body, idempotencyKey: key, reporterUserId } = filing
  const earlier = await findComplaintByIdempotencyKey(db, key)
  if (earlier) return retried(db, settings, earlier, filing)

  checkOccurredAt(body.occurredAt, now)
  const subject = subjectOf(body, settings.cityCodes)
  const institution = 'institutionId' in subject ? await findRoutingInstitution(db, subject.institutionId) : null
  if ('institutionId' in subject && !institution) throw notFound(`未找到机构 ${subject.institutionId} (institution not found)`)
  const provider = 'provider' in subject ? subject.provider : null
  const routing = routeComplaint(body.category, institution ?? null)
  const photoIds = (body.photoIds ?? []).map((id) => id.toLowerCase())
  const secret = complaintSecret(settings.jwtSecret, key)

  const filedId = await db.transaction().execute(async (trx) => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const id = await insertComplaintUnlessTaken(trx, {
        trackingNumber: newTrackingNumber(now),
        secretHash: hashSecret(secret),
        idempotencyKey: key,
        status: 'submitted',
        reporterUserId,
        anonymous: body.anonymous,
        contactPhone: body.contactPhone ?? null,
        institutionId: institution?.id ?? null,
        providerName: provider?.name ?? null,
        providerAddress: provider?.address ?? null,
        cityCode: institution?.cityCode ?? provider!.cityCode,
        category: body.category,
        description: body.description,
        occurredAt: body.occurredAt,
        filedAt: now.toISOString(),
        urgent: routing.urgent,
        departments: routing.departments,
        ...deadlinesOf(now, settings.deadlines),
      })
      if (id === null) {
        // A concurrent retry with the same key won the race (we waited for it to commit); else the tracking number was taken.
        if (await findComplaintByIdempotencyKey(trx, key)) return null
        continue
      }
      if ((await attachPhotos(trx, photoIds, id, null)) < photoIds.length) {
        throw badRequest('photoIds', '有照片不存在或已用于其他投诉，请重新上传 (a photo is unknown or already attached)')
      }
      await insertEvent(trx, {
        complaintId: id,
        type: 'submitted',
        toStatus: 'submitted',
        actor: body.anonymous ? 'system' : 'reporter',
        actorUserId: reporterUserId,
      })
      if (routing.urgent) {
        const row = (await findComplaintByIdempotencyKey(trx, key))!
        await enqueueForwarding(
          trx,
          id,
          routing.departments,
          deliveryPayload(row, institution ? { id: institution.id, name: institution.name } : null, photoIds),
        )
        const names = routing.departments.map((d) => DEPARTMENT_NAMES[d]).join('、')
        await insertEvent(trx, {
          complaintId: id,
          type: 'forwarded',
          actor: 'system',
          actorUserId: null,
          note: `紧急事项，已立即转送${names}部门 (urgent: forwarded at filing)`,
        })
      }
      return id
    }
    throw new Error('no free tracking number after 5 attempts')
  })

  const complaint = (await findComplaintByIdempotencyKey(db, key))!
  if (filedId === null) return retried(db, settings, complaint, filing)
  return { complaint, answer: answerOf(complaint, secret), created: true }
}
