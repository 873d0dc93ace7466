import type { FastifyBaseLogger } from 'fastify'
import type { Kysely } from 'kysely'
import type { CompleteGuidanceBody, DeclineGuidanceBody, GuidanceRequest, GuidanceStatus, ScheduleGuidanceBody } from '../../../types/guidance'
import type { Database } from '../../db/schema'
import type { ActiveGrant } from '../../shared/auth'
import { badRequest } from '../../shared/http-errors'
import { chinaDateTime } from './china-date-time'
import { changeRequest } from './request-changes'
import { checkedScheduledAt } from './request-rules'
import { findRequest } from './repository'
import { assertInArea, assertTookIt, centreTakingIt, staffAreaOf } from './staff-area'
import { guidanceRequests } from './transitions'
import { requestsInDistricts, shownRequest } from './views'

type Db = Kysely<Database>

/** A member of a centre's staff: their grants say which centres (and so which districts) they work for. */
export interface CentreStaff {
  userId: string
  grants: ActiveGrant[]
  log: FastifyBaseLogger
}

/** The request and the staff member's area, 404 when the request is not in it. */
async function requestInArea(db: Db, staff: CentreStaff, id: string) {
  const area = await staffAreaOf(db, staff.grants)
  const row = await findRequest(db, id)
  assertInArea(area, row)
  return { area, row }
}

/** Requests in the districts of the staff member's centres, oldest first. */
export async function centreRequests(db: Db, staff: CentreStaff, status: GuidanceStatus | undefined): Promise<GuidanceRequest[]> {
  const area = await staffAreaOf(db, staff.grants)
  return requestsInDistricts(db, area.districtCodes, status)
}

/** Schedules (or reschedules) the visit: which of the staff member's centres, when, and who goes. */
export async function scheduleVisit(db: Db, staff: CentreStaff, id: string, input: ScheduleGuidanceBody): Promise<GuidanceRequest> {
  const { area, row } = await requestInArea(db, staff, id)
  const centre = centreTakingIt(area, input.centreId, row)
  const scheduledAt = checkedScheduledAt(input.scheduledAt)
  const name = input.staffName.trim()
  if ([...name].length < 2) throw badRequest('staffName', '请填写上门人员的姓名 (staffName is empty)')
  await changeRequest(db, row, {
    action: 'schedule',
    actor: 'centre',
    actorUserId: staff.userId,
    fields: { centreId: centre.id, scheduledAt, staffName: name, declineReason: null },
    note: `${centre.name}：${chinaDateTime(scheduledAt)} 上门，${name}`,
  })
  staff.log.info({ guidanceRequestId: row.id, centreId: centre.id }, 'guidance visit scheduled')
  return shownRequest(db, row.id)
}

/** Declines the request, with the reason the family will see. */
export async function declineRequest(db: Db, staff: CentreStaff, id: string, input: DeclineGuidanceBody): Promise<GuidanceRequest> {
  const { area, row } = await requestInArea(db, staff, id)
  const centre = centreTakingIt(area, input.centreId, row)
  const reason = input.reason.trim()
  if ([...reason].length < 2) throw badRequest('reason', '请填写婉拒的原因 (reason is empty)')
  // No visit will happen: the time and staff of an earlier schedule stay in the history only.
  await changeRequest(db, row, {
    action: 'decline',
    actor: 'centre',
    actorUserId: staff.userId,
    fields: { centreId: centre.id, declineReason: reason, scheduledAt: null, staffName: null },
    note: reason,
  })
  staff.log.info({ guidanceRequestId: row.id, centreId: centre.id }, 'guidance request declined')
  return shownRequest(db, row.id)
}

/** Marks a scheduled visit done, with an optional note for the family; only the centre that scheduled it may. */
export async function completeVisit(db: Db, staff: CentreStaff, id: string, input: CompleteGuidanceBody): Promise<GuidanceRequest> {
  const { area, row } = await requestInArea(db, staff, id)
  guidanceRequests.next('complete', row.status)
  assertTookIt(area, row)
  const note = input.note.trim()
  await changeRequest(db, row, { action: 'complete', actor: 'centre', actorUserId: staff.userId, note: note || null })
  staff.log.info({ guidanceRequestId: row.id }, 'guidance visit done')
  return shownRequest(db, row.id)
}
