import type { Kysely, Selectable } from 'kysely'
import type { Database, HealthCentresTable } from '../../db/schema'
import type { ActiveGrant } from '../../shared/auth'
import { ClientError, badRequest } from '../../shared/http-errors'
import { centresByIds, type RequestRow } from './repository'
import { noSuchRequest } from './transitions'

export interface StaffArea {
  /** The centres the staff member works for, with their districts. */
  centres: Array<Pick<Selectable<HealthCentresTable>, 'id' | 'name' | 'districtCode'>>
  /** The districts of those centres: the requests they see and handle. */
  districtCodes: string[]
}

export async function staffAreaOf(db: Kysely<Database>, grants: ActiveGrant[]): Promise<StaffArea> {
  const centreIds = grants.filter((g) => g.role === 'centre_staff').map((g) => g.centreId!)
  const centres = await centresByIds(db, centreIds)
  return { centres, districtCodes: [...new Set(centres.map((c) => c.districtCode))] }
}

/** A request outside the staff member's area answers like an unknown id: they learn nothing of families elsewhere. */
export function assertInArea(area: StaffArea, row: RequestRow | undefined): asserts row is RequestRow {
  if (!row || !area.districtCodes.includes(row.districtCode)) throw noSuchRequest()
}

/** The centre named in the body: one the staff member works for, in the request's district. */
export function centreTakingIt(area: StaffArea, centreId: string, row: RequestRow) {
  const centre = area.centres.find((c) => c.id === centreId)
  if (!centre) throw new ClientError(403, '只能以您所在的社区卫生服务中心的名义处理 (not one of your centres)', 'centreId')
  if (centre.districtCode !== row.districtCode) throw badRequest('centreId', "该中心不负责申请所在的区县 (the centre does not cover the request's district)")
  return centre
}

/** Only the centre that scheduled the visit reports it done. */
export function assertTookIt(area: StaffArea, row: RequestRow): void {
  if (!row.centreId || !area.centres.some((c) => c.id === row.centreId)) {
    throw new ClientError(403, '该上门服务由其他中心安排，只能由该中心确认完成 (another centre scheduled this visit)')
  }
}
