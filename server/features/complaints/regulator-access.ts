import type { Kysely } from 'kysely'
import { PROVINCE_CODE } from '../../../types/roles'
import type { Database } from '../../db/schema'
import { regulatesCity, type ActiveGrant } from '../../shared/auth'
import { notFound } from '../../shared/http-errors'
import type { ComplaintRow } from './repository'
import { findComplaint } from './views'

/** The 市州 codes a regulator covers, or null for the whole province. */
export function citiesCoveredBy(grants: ActiveGrant[]): string[] | null {
  const regions = grants.filter((g) => g.role === 'regulator').map((g) => g.regionCode!)
  return regions.includes(PROVINCE_CODE) ? null : regions
}

/** A complaint of another 市州 is answered like one that does not exist. */
export async function regulatedComplaint(db: Kysely<Database>, grants: ActiveGrant[], trackingNumber: string): Promise<ComplaintRow> {
  const complaint = await findComplaint(db, trackingNumber)
  if (!complaint || !regulatesCity(grants, complaint.cityCode)) throw notFound(`未找到投诉 ${trackingNumber} (complaint not found)`)
  return complaint
}
