import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import {
  AdminComplaintQuery, AssignBody, CloseBody, ComplaintList, NoteBody, RegulatorComplaintView, RejectBody, ReplyBody, TrackingParams,
  type Department,
} from '../../../types/complaints'
import type { Sanction } from '../../../types/institutions'
import { PROVINCE_CODE } from '../../../types/roles'
import { regulatesCity, type ActiveGrant } from '../../shared/auth'
import { chinaToday } from '../../shared/china-time'
import { badRequest, conflict, notFound } from '../../shared/http-errors'
import type { Database } from '../../db/schema'
import type { Transaction } from 'kysely'
import { enqueueDeliveries } from './outbox/enqueue'
import { deliveryPayload, presentForRegulator, presentSummary } from './present'
import { emptyBodyAsObject } from '../../shared/empty-body'
import { BEARER, COMPLAINT_TAGS, errorResponses } from './route-options'
import {
  changeStatus, complaintDetails, findComplaintByTrackingNumber, insertEvent, insertSanction, listComplaints, markSanctionPublished,
  type ComplaintRow, type StatusChange,
} from './repository'
import { changedMeanwhile, nextStatus, type RegulatorAction } from './transitions'

/** The 市州 codes a regulator covers, or null for the whole province. */
function citiesCoveredBy(grants: ActiveGrant[]): string[] | null {
  const regions = grants.filter((g) => g.role === 'regulator').map((g) => g.regionCode!)
  return regions.includes(PROVINCE_CODE) ? null : regions
}

export const adminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database
  const cityCodes = new Set(app.reference.cities.map((c) => c.code))
  const asRegulator = app.requireRole('regulator')
  const viewOptions = () => ({ jwtSecret: app.settings.jwtSecret, today: chinaToday() })

  /** A complaint of another 市州 is answered like one that does not exist. */
  async function regulatedComplaint(request: FastifyRequest, trackingNumber: string): Promise<ComplaintRow> {
    const complaint = await findComplaintByTrackingNumber(db, trackingNumber)
    if (!complaint || !regulatesCity(request.grants, complaint.cityCode)) throw notFound(`未找到投诉 ${trackingNumber} (complaint not found)`)
    return complaint
  }

  async function regulatorView(trackingNumber: string): Promise<RegulatorComplaintView> {
    const complaint = (await findComplaintByTrackingNumber(db, trackingNumber))!
    return presentForRegulator(complaint, await complaintDetails(db, complaint), viewOptions())
  }

  async function payloadOf(complaint: ComplaintRow) {
    const details = await complaintDetails(db, complaint)
    return deliveryPayload(complaint, details.institution, details.photos.map((p) => p.id))
  }

  /** Moves the complaint if nobody moved it first, and records the step with who did it. */
  async function transition(
    trx: Transaction<Database>, request: FastifyRequest, complaint: ComplaintRow, action: RegulatorAction,
    step: { note?: string | null; department?: Department | null; change?: StatusChange },
  ) {
    const to = nextStatus(action, complaint.status)
    if (!await changeStatus(trx, complaint.id, complaint.status, to, step.change)) throw changedMeanwhile()
    await insertEvent(trx, {
      complaintId: complaint.id, type: to, fromStatus: complaint.status, toStatus: to,
      actor: 'regulator', actorUserId: request.userId, department: step.department ?? null, note: step.note ?? null,
    })
    request.log.info({ trackingNumber: complaint.trackingNumber, from: complaint.status, to, by: request.userId }, 'complaint status changed')
  }

  const actionSchema = <B>(summary: string, body: B) => ({
    summary, tags: COMPLAINT_TAGS, security: BEARER, params: TrackingParams, body,
    response: { 200: RegulatorComplaintView, ...errorResponses(400, 401, 403, 404, 409) },
  })

  app.get('/admin/complaints', {
    onRequest: asRegulator,
    schema: {
      summary: 'Complaints of the 市州 you regulate, urgent first, then oldest first',
      tags: COMPLAINT_TAGS, security: BEARER, querystring: AdminComplaintQuery,
      response: { 200: ComplaintList, ...errorResponses(400, 401, 403) },
    },
  }, async (request) => {
    const { cityCode } = request.query
    if (cityCode !== undefined && !cityCodes.has(cityCode)) throw badRequest('cityCode', `未知的市州代码 ${cityCode} (not a 市州 code)`)
    const today = chinaToday()
    const list = await listComplaints(db, { cities: citiesCoveredBy(request.grants), query: request.query, today }, 'urgent_then_oldest')
    return { items: list.rows.map((row) => presentSummary(row, today)), total: list.total, page: list.page, pageSize: list.pageSize, hasMore: list.hasMore }
  })

  app.get('/admin/complaints/:trackingNumber', {
    onRequest: asRegulator,
    schema: {
      summary: 'A complaint with the contact phone (when given) and the state of its forwarding to departments',
      tags: COMPLAINT_TAGS, security: BEARER, params: TrackingParams,
      response: { 200: RegulatorComplaintView, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    const complaint = await regulatedComplaint(request, request.params.trackingNumber)
    reply.header('cache-control', 'no-store')
    return regulatorView(complaint.trackingNumber)
  })

  app.post('/admin/complaints/:trackingNumber/accept', {
    onRequest: asRegulator, preValidation: emptyBodyAsObject,
    schema: actionSchema('Accept (受理): forwards the complaint to its departments', NoteBody),
  }, async (request) => {
    const complaint = await regulatedComplaint(request, request.params.trackingNumber)
    const payload = await payloadOf(complaint)
    await db.transaction().execute(async (trx) => {
      await transition(trx, request, complaint, 'accept', { note: request.body.note })
      // Saved with the status change; the outbox worker delivers and records 'forwarded'.
      await enqueueDeliveries(trx, complaint.id, complaint.departments as Department[], payload)
    })
    return regulatorView(complaint.trackingNumber)
  })

  app.post('/admin/complaints/:trackingNumber/reject', {
    onRequest: asRegulator,
    schema: actionSchema('Reject (不予受理) with the reason the reporter will see', RejectBody),
  }, async (request) => {
    const complaint = await regulatedComplaint(request, request.params.trackingNumber)
    await db.transaction().execute((trx) => transition(trx, request, complaint, 'reject', {
      note: request.body.reason, change: { rejectionReason: request.body.reason },
    }))
    return regulatorView(complaint.trackingNumber)
  })

  app.post('/admin/complaints/:trackingNumber/assign', {
    onRequest: asRegulator,
    schema: actionSchema('Assign (派单) to a department of the 市州; it is forwarded there', AssignBody),
  }, async (request) => {
    const complaint = await regulatedComplaint(request, request.params.trackingNumber)
    const { department, note } = request.body
    const departments = complaint.departments as Department[]
    const payload = await payloadOf(complaint)
    await db.transaction().execute(async (trx) => {
      await transition(trx, request, complaint, 'assign', {
        note, department, change: { departments: departments.includes(department) ? departments : [...departments, department] },
      })
      await enqueueDeliveries(trx, complaint.id, [department], payload)
    })
    return regulatorView(complaint.trackingNumber)
  })

  app.post('/admin/complaints/:trackingNumber/progress', {
    onRequest: asRegulator, preValidation: emptyBodyAsObject,
    schema: actionSchema('Start handling (办理中)', NoteBody),
  }, async (request) => {
    const complaint = await regulatedComplaint(request, request.params.trackingNumber)
    await db.transaction().execute((trx) => transition(trx, request, complaint, 'progress', { note: request.body.note }))
    return regulatorView(complaint.trackingNumber)
  })

  app.post('/admin/complaints/:trackingNumber/reply', {
    onRequest: asRegulator,
    schema: actionSchema('Reply to the reporter (答复)', ReplyBody),
  }, async (request) => {
    const complaint = await regulatedComplaint(request, request.params.trackingNumber)
    await db.transaction().execute((trx) => transition(trx, request, complaint, 'reply', { change: { reply: request.body.reply } }))
    return regulatorView(complaint.trackingNumber)
  })

  app.post('/admin/complaints/:trackingNumber/close', {
    onRequest: asRegulator,
    schema: actionSchema('Close (办结) with the outcome; a sanction against the institution is published separately', CloseBody),
  }, async (request) => {
    const complaint = await regulatedComplaint(request, request.params.trackingNumber)
    const { outcome, note, sanction } = request.body
    if (sanction && outcome === 'not_upheld') throw badRequest('sanction', '投诉不属实时不能附处罚决定 (no sanction when the complaint is not upheld)')
    if (sanction && !complaint.institutionId) throw badRequest('sanction', '只有针对已登记机构的投诉才能公示处罚 (a sanction needs a registered institution)')
    await db.transaction().execute((trx) => transition(trx, request, complaint, 'close', { note, change: { outcome, sanction: sanction as Sanction | undefined } }))
    return regulatorView(complaint.trackingNumber)
  })

  app.post('/admin/complaints/:trackingNumber/publish-sanction', {
    onRequest: asRegulator, preValidation: emptyBodyAsObject,
    schema: actionSchema('Publish the sanction on the institution\'s public page (no complainant details)', NoteBody),
  }, async (request) => {
    const complaint = await regulatedComplaint(request, request.params.trackingNumber)
    const sanction = complaint.sanction as Sanction | null
    if (complaint.status !== 'closed' || !sanction) throw conflict('只有已办结且附有处罚决定的投诉才能公示处罚 (only a closed complaint with a sanction)')
    await db.transaction().execute(async (trx) => {
      if (!await markSanctionPublished(trx, complaint.id)) throw conflict('处罚决定已经公示过了 (the sanction is already published)')
      if (!await insertSanction(trx, complaint.institutionId!, sanction)) {
        throw conflict('该机构同一天已有同类处罚记录，请核对后再公示 (the institution already has a sanction of this kind on that date)')
      }
      await insertEvent(trx, {
        complaintId: complaint.id, type: 'sanction_published', actor: 'regulator', actorUserId: request.userId,
        note: request.body.note ?? `${sanction.department}：${sanction.measure}`,
      })
    })
    return regulatorView(complaint.trackingNumber)
  })
}
