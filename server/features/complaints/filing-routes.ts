import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { FileComplaintBody, FiledComplaint, type Department } from '../../../types/complaints'
import { badRequest, conflict, notFound } from '../../shared/http-errors'
import { enqueueDeliveries } from './outbox/enqueue'
import { deadlinesOf } from './deadlines'
import { checkAnonymity, checkOccurredAt, idempotencyKeyOf, isSameFiling, subjectOf } from './filing-rules'
import { deliveryPayload } from './present'
import { routeComplaint } from './routing'
import { complaintSecret, hashSecret, newTrackingNumber } from './secrets'
import { COMPLAINT_TAGS, FilingHeaders, OPTIONAL_BEARER, errorResponses, withoutAddress } from './route-options'
import {
  attachPhotos, findComplaintByIdempotencyKey, findRoutingInstitution, insertComplaintUnlessTaken, insertEvent, type ComplaintRow,
} from './repository'

const DEPARTMENT_NAMES: Record<Department, string> = {
  market_regulation: '市场监管', emergency_management: '应急管理', public_security: '公安', health: '卫生健康',
  education: '教育', human_resources: '人力资源社会保障', civil_affairs: '民政',
}

export const filingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database
  const cityCodes = new Set(app.reference.cities.map((c) => c.code))

  const answer = (complaint: ComplaintRow, secret: string): FiledComplaint => ({
    trackingNumber: complaint.trackingNumber, secret, status: complaint.status as FiledComplaint['status'],
    urgent: complaint.urgent, departments: complaint.departments as Department[], filedAt: complaint.filedAt,
  })

  /** The filing already made under this key: the same answer again, secret included, unless the body differs. */
  async function answerRetry(existing: ComplaintRow, body: FileComplaintBody, reporterUserId: string | null, key: string) {
    const photos = await db.selectFrom('complaintPhotos').select('id')
      .where('complaintId', '=', existing.id).where('additionId', 'is', null).execute()
    if (!isSameFiling(existing, photos.map((p) => p.id), body, reporterUserId)) {
      throw conflict('此 Idempotency-Key 已用于另一份投诉；新投诉请使用新的 Idempotency-Key (key already used for a different complaint)', 'Idempotency-Key')
    }
    return answer(existing, complaintSecret(app.settings.jwtSecret, key))
  }

  app.post('/complaints', {
    logSerializers: withoutAddress,
    preValidation: async (request) => { idempotencyKeyOf(request.headers['idempotency-key']) },
    schema: {
      summary: 'File a complaint or report (投诉举报), signed in or not, anonymously or not; returns the tracking number and secret',
      tags: COMPLAINT_TAGS, security: OPTIONAL_BEARER, headers: FilingHeaders, body: FileComplaintBody,
      response: { 200: FiledComplaint, 201: FiledComplaint, ...errorResponses(400, 401, 404, 409) },
    },
  }, async (request, reply) => {
    const body = request.body
    const key = idempotencyKeyOf(request.headers['idempotency-key'])
    checkAnonymity(body)
    // An anonymous filing never looks at the token: the complaint must not be linkable to the account.
    if (!body.anonymous && request.headers.authorization) await app.authenticate(request, reply)
    const reporterUserId = !body.anonymous && request.userId ? request.userId : null

    const earlier = await findComplaintByIdempotencyKey(db, key)
    if (earlier) return reply.code(200).send(await answerRetry(earlier, body, reporterUserId, key))

    const now = new Date()
    checkOccurredAt(body.occurredAt, now)
    const subject = subjectOf(body, cityCodes)
    const institution = 'institutionId' in subject ? await findRoutingInstitution(db, subject.institutionId) : null
    if ('institutionId' in subject && !institution) throw notFound(`未找到机构 ${subject.institutionId} (institution not found)`)
    const provider = 'provider' in subject ? subject.provider : null
    const routing = routeComplaint(body.category, institution ?? null)
    const photoIds = (body.photoIds ?? []).map((id) => id.toLowerCase())
    const secret = complaintSecret(app.settings.jwtSecret, key)

    const filedId = await db.transaction().execute(async (trx) => {
      for (let attempt = 0; attempt < 5; attempt++) {
        const id = await insertComplaintUnlessTaken(trx, {
          trackingNumber: newTrackingNumber(now), secretHash: hashSecret(secret), idempotencyKey: key,
          reporterUserId, anonymous: body.anonymous, contactPhone: body.contactPhone ?? null,
          institutionId: institution?.id ?? null, providerName: provider?.name ?? null, providerAddress: provider?.address ?? null,
          cityCode: institution?.cityCode ?? provider!.cityCode,
          category: body.category, description: body.description, occurredAt: body.occurredAt, filedAt: now.toISOString(),
          urgent: routing.urgent, departments: routing.departments, ...deadlinesOf(now, app.settings.complaints),
        })
        if (id === null) {
          // A concurrent retry with the same key won the race (we waited for it to commit); else the tracking number was taken.
          if (await findComplaintByIdempotencyKey(trx, key)) return null
          continue
        }
        if (await attachPhotos(trx, photoIds, id, null) < photoIds.length) {
          throw badRequest('photoIds', '有照片不存在或已用于其他投诉，请重新上传 (a photo is unknown or already attached)')
        }
        await insertEvent(trx, {
          complaintId: id, type: 'submitted', toStatus: 'submitted',
          actor: body.anonymous ? 'system' : 'reporter', actorUserId: reporterUserId,
        })
        if (routing.urgent) {
          const row = await trx.selectFrom('complaints').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
          await enqueueDeliveries(trx, id, routing.departments, deliveryPayload(row, institution ? { id: institution.id, name: institution.name } : null, photoIds))
          const names = routing.departments.map((d) => DEPARTMENT_NAMES[d]).join('、')
          await insertEvent(trx, { complaintId: id, type: 'forwarded', actor: 'system', actorUserId: null, note: `紧急事项，已立即转送${names}部门 (urgent: forwarded at filing)` })
        }
        return id
      }
      throw new Error('no free tracking number after 5 attempts')
    })

    const filed = (await findComplaintByIdempotencyKey(db, key))!
    if (filedId === null) return reply.code(200).send(await answerRetry(filed, body, reporterUserId, key))
    request.log.info({ trackingNumber: filed.trackingNumber, category: filed.category, urgent: filed.urgent }, 'complaint filed')
    return reply.code(201).send(answer(filed, secret))
  })
}
