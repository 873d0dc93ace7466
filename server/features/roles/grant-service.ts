import type { Kysely } from 'kysely'
import type { GrantList, GrantListQuery, GrantRecord, GrantRoleBody } from '../../../types/roles'
import type { Database } from '../../db/schema'
import type { Actor } from '../../shared/auth'
import { conflict, notFound } from '../../shared/http-errors'
import { assertRegulates, checkRegulatorRegion, citiesRegulatedBy, outsideYourCity, personOf, scopeOf, type GrantScope } from './grant-rules'
import { presentGrantRecord } from './present'
import {
  findCentreScope,
  findGrantRecord,
  findInstitutionScope,
  findUserIdById,
  findUserIdByPhone,
  hasActiveGrant,
  insertGrant,
  listGrantRecords,
  revokeGrant,
} from './repository'

/** Regulators grant and revoke roles within the 市州 they regulate (a provincial regulator: anywhere). `cityCodes`: every 市州. */

/** The 市州 a scope belongs to (220000 for a provincial regulator grant); 404/400 when it does not exist. */
async function scopeCityOf(db: Kysely<Database>, scope: GrantScope, cityCodes: Set<string>): Promise<string> {
  if (scope.role === 'committee') {
    const institution = await findInstitutionScope(db, scope.institutionId)
    if (!institution) throw notFound(`未找到机构 ${scope.institutionId} (institution not found)`)
    return institution.cityCode
  }
  if (scope.role === 'centre_staff') {
    const centre = await findCentreScope(db, scope.centreId)
    if (!centre) throw notFound(`未找到社区卫生服务中心 ${scope.centreId} (health centre not found)`)
    return centre.cityCode
  }
  return checkRegulatorRegion(scope.regionCode, cityCodes)
}

const grantRecord = async (db: Kysely<Database>, id: string) => presentGrantRecord((await findGrantRecord(db, id))!)

export async function grantRole(db: Kysely<Database>, regulator: Actor, body: GrantRoleBody, cityCodes: Set<string>): Promise<GrantRecord> {
  const person = personOf(body)
  const scope = scopeOf(body)
  assertRegulates(regulator.grants, await scopeCityOf(db, scope, cityCodes))
  const userId = 'userId' in person ? await findUserIdById(db, person.userId) : await findUserIdByPhone(db, person.phone)
  if (!userId) throw notFound('未找到该用户：请对方先用手机号登录一次 (no such user; they must sign in once first)')
  const grant = {
    userId,
    role: scope.role,
    institutionId: scope.role === 'committee' ? scope.institutionId : null,
    centreId: scope.role === 'centre_staff' ? scope.centreId : null,
    regionCode: scope.role === 'regulator' ? scope.regionCode : null,
  }
  const duplicate = () => conflict('该用户已有相同的角色 (an identical active grant exists)')
  if (await hasActiveGrant(db, grant)) throw duplicate()
  const id = await insertGrant(db, { ...grant, grantedBy: regulator.userId })
  if (id === null) throw duplicate()
  return grantRecord(db, id)
}

/** The record stays, with who revoked it and when. */
export async function revokeRole(db: Kysely<Database>, regulator: Actor, grantId: string): Promise<GrantRecord> {
  const existing = await findGrantRecord(db, grantId)
  if (!existing) throw notFound('未找到该授权记录 (grant not found)')
  assertRegulates(regulator.grants, existing.scopeCityCode!)
  await revokeGrant(db, existing.id, regulator.userId)
  return grantRecord(db, existing.id)
}

/** Grants within the regulator's 市州, revoked ones included, newest first. */
export async function grantsVisibleTo(db: Kysely<Database>, regulator: Actor, query: GrantListQuery, cityCodes: Set<string>): Promise<GrantList> {
  const { role, regionCode, institutionId } = query
  const visibleCities = citiesRegulatedBy(regulator.grants)
  if (regionCode !== undefined) {
    checkRegulatorRegion(regionCode, cityCodes)
    if (visibleCities && !visibleCities.includes(regionCode)) throw outsideYourCity()
  }
  const rows = await listGrantRecords(db, { scopeCities: visibleCities, role, regionCode, institutionId: institutionId?.toLowerCase() })
  return { items: rows.map(presentGrantRecord) }
}
