import type { FastifyBaseLogger } from 'fastify'
import type { Kysely } from 'kysely'
import type { GuidanceRequest, GuidanceRequestInput } from '../../../types/guidance'
import type { City } from '../../../types/regions'
import type { Database } from '../../db/schema'
import { ClientError, conflict } from '../../shared/http-errors'
import { consentRequired, missingChildDataConsent } from './child-consent'
import { changeRequest } from './request-changes'
import { MAX_OPEN_REQUESTS, checkedAddress, checkedDistrict, checkedTimeWindows } from './request-rules'
import { countOpenRequests, findChildOf, findRequest, insertEvent, insertRequest, lockParent, type RequestRow } from './repository'
import { OPEN_STATUSES, noSuchRequest } from './transitions'
import { shownRequest } from './views'

type Db = Kysely<Database>

/** The parent who asks: their id, and the log that says what happened to which request. */
export interface Parent {
  userId: string
  log: FastifyBaseLogger
}

/** The parent's own request; another family's answers like an unknown id. */
async function ownRequest(db: Db, userId: string, id: string): Promise<RequestRow> {
  const row = await findRequest(db, id)
  if (!row || row.userId !== userId) throw noSuchRequest()
  return row
}

/**
 * Files a request for one of the parent's children, with the guardian's child-data consent current, and at most
 * MAX_OPEN_REQUESTS open: the parent's row is locked while counting, so two requests filed at once count each other.
 */
export async function requestGuidance(db: Db, cities: City[], parent: Parent, input: GuidanceRequestInput): Promise<GuidanceRequest> {
  const timeWindows = checkedTimeWindows(input.timeWindows)
  const district = checkedDistrict(cities, input.districtCode)
  const address = checkedAddress(input.address)
  const missing = await missingChildDataConsent(db, parent.userId)
  if (missing) throw consentRequired(missing)
  if (!(await findChildOf(db, parent.userId, input.childId))) {
    throw new ClientError(404, '未找到这个孩子的信息 (not one of your children)', 'childId')
  }
  const at = new Date().toISOString()
  const id = await db.transaction().execute(async (trx) => {
    await lockParent(trx, parent.userId)
    if ((await countOpenRequests(trx, parent.userId, OPEN_STATUSES)) >= MAX_OPEN_REQUESTS) {
      throw conflict(`您已有 ${MAX_OPEN_REQUESTS} 个未完成的入户指导申请，请等待处理或取消后再申请 (at most ${MAX_OPEN_REQUESTS} open requests)`)
    }
    const requestId = await insertRequest(trx, {
      userId: parent.userId,
      childId: input.childId,
      service: input.service,
      timeWindows,
      districtCode: district.code,
      address,
      contactPhone: input.contactPhone,
      note: input.note.trim(),
      createdAt: at,
      updatedAt: at,
    })
    await insertEvent(trx, { requestId, status: 'requested', note: null, actor: 'parent', actorUserId: parent.userId, at })
    return requestId
  })
  parent.log.info({ guidanceRequestId: id, districtCode: district.code }, 'guidance requested')
  return shownRequest(db, id)
}

export async function parentRequest(db: Db, userId: string, id: string): Promise<GuidanceRequest> {
  const row = await ownRequest(db, userId, id)
  return shownRequest(db, row.id)
}

/** While it is requested or scheduled (409 otherwise). */
export async function cancelRequest(db: Db, parent: Parent, id: string): Promise<GuidanceRequest> {
  const row = await ownRequest(db, parent.userId, id)
  await changeRequest(db, row, { action: 'cancel', actor: 'parent', actorUserId: parent.userId })
  parent.log.info({ guidanceRequestId: row.id }, 'guidance request cancelled')
  return shownRequest(db, row.id)
}
