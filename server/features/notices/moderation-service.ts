import type { Kysely } from 'kysely'
import type { NoticeReportList } from '../../../types/notices'
import { PROVINCE_CODE } from '../../../types/roles'
import type { Database } from '../../db/schema'
import { regulatesCity, type ActiveGrant, type Actor } from '../../shared/auth'
import { outsideYourCity } from './access'
import { assertStillUp, changeNotice, noSuchNotice } from './notice-change-service'
import { findInstitution, findNotice, listReports } from './notice-repository'
import { statusOf } from './present'
import { assertPlainText } from './text-rules'

/** The 市州 a regulator covers, or null for the whole province. */
function citiesOf(grants: ActiveGrant[]): string[] | null {
  const regions = grants.filter((g) => g.role === 'regulator').map((g) => g.regionCode!)
  return regions.includes(PROVINCE_CODE) ? null : regions
}

/** Reports about notices of institutions in the regulator's 市州, newest first. */
export async function reportsFor(db: Kysely<Database>, grants: ActiveGrant[]): Promise<NoticeReportList> {
  const rows = await listReports(db, citiesOf(grants))
  return {
    items: rows.map((r) => ({
      id: r.id,
      noticeId: r.noticeId,
      noticeTitle: r.noticeTitle,
      institutionName: r.institutionName,
      reason: r.reason,
      reportedAt: r.reportedAt,
      noticeStatus: statusOf(r),
    })),
  }
}

/** Parents no longer see the notice; the author sees the reason; its history is kept. */
export async function takeDownNotice(db: Kysely<Database>, id: string, regulator: Actor, reason: string): Promise<void> {
  assertPlainText({ reason })
  const notice = await findNotice(db, id)
  if (!notice) throw noSuchNotice()
  const institution = (await findInstitution(db, notice.institutionId))!
  if (!regulatesCity(regulator.grants, institution.cityCode)) throw outsideYourCity()
  await changeNotice(db, id, assertStillUp, async () => ({
    takenDownAt: new Date().toISOString(),
    takenDownBy: regulator.userId,
    takedownReason: reason,
  }))
}
