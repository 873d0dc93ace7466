import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { AdditionBody, ComplaintList, ComplaintView, RatingBody, TrackBody, TrackingParams } from '../../../types/complaints'
import { chinaToday } from '../../shared/china-time'
import { badRequest, conflict } from '../../shared/http-errors'
import { presentComplaint, presentSummary } from './present'
import { reporterAccess } from './reporter-access'
import { BEARER, COMPLAINT_TAGS, MyComplaintsQuery, OPTIONAL_BEARER, ReporterHeaders, errorResponses } from './route-options'
import {
  attachPhotos, complaintDetails, findComplaintByTrackingNumber, insertAddition, insertEvent, listComplaints, lockComplaintStatus,
  rateComplaint, type ComplaintRow,
} from './repository'
import { STATUS_NAMES } from './transitions'

export const reporterRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database

  async function view(trackingNumber: string): Promise<ComplaintView> {
    const complaint = (await findComplaintByTrackingNumber(db, trackingNumber))!
    return presentComplaint(complaint, await complaintDetails(db, complaint), { jwtSecret: app.settings.jwtSecret, today: chinaToday() })
  }

  app.post('/complaints/track', {
    schema: {
      summary: 'Follow a complaint with its tracking number and secret (works for anonymous complaints)',
      tags: COMPLAINT_TAGS, body: TrackBody,
      response: { 200: ComplaintView, ...errorResponses(400, 404) },
    },
  }, async (request, reply) => {
    const { complaint } = await reporterAccess(app, request, reply, request.body.trackingNumber, request.body.secret)
    return view(complaint.trackingNumber)
  })

  app.get('/complaints/:trackingNumber', {
    schema: {
      summary: 'The reporter\'s view: status, deadlines, reply and timeline (sign-in token or X-Complaint-Secret)',
      tags: COMPLAINT_TAGS, security: OPTIONAL_BEARER, params: TrackingParams, headers: ReporterHeaders,
      response: { 200: ComplaintView, ...errorResponses(400, 401, 404) },
    },
  }, async (request, reply) => {
    const { complaint } = await reporterAccess(app, request, reply, request.params.trackingNumber)
    reply.header('cache-control', 'no-store')
    return view(complaint.trackingNumber)
  })

  app.get('/me/complaints', {
    onRequest: app.authenticate,
    schema: {
      summary: 'Complaints the signed-in user filed under their name, newest first (anonymous ones are not linked to any account)',
      tags: COMPLAINT_TAGS, security: BEARER, querystring: MyComplaintsQuery,
      response: { 200: ComplaintList, ...errorResponses(400, 401) },
    },
  }, async (request) => {
    const today = chinaToday()
    const list = await listComplaints(db, { cities: null, reporterUserId: request.userId, query: request.query, today }, 'newest')
    return { items: list.rows.map((row) => presentSummary(row, today)), total: list.total, page: list.page, pageSize: list.pageSize, hasMore: list.hasMore }
  })

  app.post('/complaints/:trackingNumber/additions', {
    schema: {
      summary: 'Add information or photos while the complaint is open (补充材料)',
      tags: COMPLAINT_TAGS, security: OPTIONAL_BEARER, params: TrackingParams, headers: ReporterHeaders, body: AdditionBody,
      response: { 201: ComplaintView, ...errorResponses(400, 401, 404, 409) },
    },
  }, async (request, reply) => {
    const { complaint, userId } = await reporterAccess(app, request, reply, request.params.trackingNumber)
    const photoIds = (request.body.photoIds ?? []).map((id) => id.toLowerCase())
    await db.transaction().execute(async (trx) => {
      const status = await lockComplaintStatus(trx, complaint.id)
      if (status === 'closed' || status === 'rejected') {
        throw conflict(`投诉已${STATUS_NAMES[status]}，不能再补充材料 (the complaint is ${status})`)
      }
      const additionId = await insertAddition(trx, complaint.id, request.body.text)
      if (await attachPhotos(trx, photoIds, complaint.id, additionId) < photoIds.length) {
        throw badRequest('photoIds', '有照片不存在或已用于其他投诉，请重新上传 (a photo is unknown or already attached)')
      }
      await insertEvent(trx, { complaintId: complaint.id, type: 'addition', actor: 'reporter', actorUserId: userId })
    })
    return reply.code(201).send(await view(complaint.trackingNumber))
  })

  app.post('/complaints/:trackingNumber/rating', {
    schema: {
      summary: 'Rate the handling once the complaint is closed (评价), once',
      tags: COMPLAINT_TAGS, security: OPTIONAL_BEARER, params: TrackingParams, headers: ReporterHeaders, body: RatingBody,
      response: { 200: ComplaintView, ...errorResponses(400, 401, 404, 409) },
    },
  }, async (request, reply) => {
    const { complaint, userId } = await reporterAccess(app, request, reply, request.params.trackingNumber)
    await db.transaction().execute(async (trx) => {
      const rated = await rateComplaint(trx, complaint.id, { score: request.body.score, comment: request.body.comment ?? null })
      if (!rated) throw notRateable(complaint)
      await insertEvent(trx, { complaintId: complaint.id, type: 'rating', actor: 'reporter', actorUserId: userId, note: `${request.body.score}/5` })
    })
    return view(complaint.trackingNumber)
  })
}

function notRateable(complaint: ComplaintRow) {
  if (complaint.ratingScore !== null) return conflict('已经评价过了，每件投诉只能评价一次 (already rated)')
  if (complaint.status !== 'closed') return conflict(`投诉办结后才能评价，当前为「${STATUS_NAMES[complaint.status as keyof typeof STATUS_NAMES] ?? complaint.status}」 (only a closed complaint can be rated)`)
  return conflict('已经评价过了，每件投诉只能评价一次 (already rated)')
}
