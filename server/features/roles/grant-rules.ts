import type { GrantRoleBody } from '../../../types/roles'
import { GRANTABLE_ROLES, PROVINCE_CODE } from '../../../types/roles'
import { badRequest } from '../../shared/http-errors'
import { forbidden, regulatesCity, type ActiveGrant } from '../../shared/auth'

export type GrantableRole = (typeof GRANTABLE_ROLES)[number]
export type GrantScope = { role: 'committee'; institutionId: string } | { role: 'centre_staff'; centreId: string } | { role: 'regulator'; regionCode: string }

const SCOPE_FIELD = { committee: 'institutionId', centre_staff: 'centreId', regulator: 'regionCode' } as const
const ROLE_NAME = { committee: '家长委员会成员', centre_staff: '社区卫生服务中心工作人员', regulator: '监管人员' } as const

export const outsideYourCity = () => forbidden('不能管理其他市州 (outside the 市州 you regulate)')

/** Exactly one of userId and phone names the person. */
export function personOf(body: Pick<GrantRoleBody, 'userId' | 'phone'>): { userId: string } | { phone: string } {
  if (body.userId !== undefined && body.phone !== undefined) throw badRequest('phone', '请只提供 userId 或 phone 其中之一 (give userId or phone, not both)')
  if (body.userId !== undefined) return { userId: body.userId.toLowerCase() }
  if (body.phone !== undefined) return { phone: body.phone }
  throw badRequest('userId', '请提供 userId 或 phone (userId or phone is required)')
}

/** The role's own scope field is required and the others are refused, so a grant never means two things. */
export function scopeOf(body: GrantRoleBody): GrantScope {
  const wanted = SCOPE_FIELD[body.role]
  for (const field of Object.values(SCOPE_FIELD)) {
    if (field !== wanted && body[field] !== undefined) {
      throw badRequest(field, `授予${ROLE_NAME[body.role]}角色时不能提供 ${field}，只需 ${wanted} (${field} does not apply to ${body.role})`)
    }
  }
  const value = body[wanted]
  if (value === undefined) throw badRequest(wanted, `授予${ROLE_NAME[body.role]}角色需要提供 ${wanted} (${wanted} is required for ${body.role})`)
  if (body.role === 'committee') return { role: 'committee', institutionId: value.toLowerCase() }
  if (body.role === 'centre_staff') return { role: 'centre_staff', centreId: value.toLowerCase() }
  return { role: 'regulator', regionCode: value }
}

/** A regulator's scope is a 市州 or the whole province. */
export function checkRegulatorRegion(regionCode: string, cityCodes: Set<string>, field = 'regionCode'): string {
  if (regionCode !== PROVINCE_CODE && !cityCodes.has(regionCode)) {
    throw badRequest(field, `未知的市州代码 ${regionCode}：应为市州代码或 ${PROVINCE_CODE}（全省） (not a 市州 code)`)
  }
  return regionCode
}

/** Only a regulator covering the 市州 may act on it; 220000 itself is covered only by a provincial regulator. */
export function assertRegulates(grants: ActiveGrant[], scopeCityCode: string): void {
  if (!regulatesCity(grants, scopeCityCode)) throw outsideYourCity()
}

/** The 市州 codes whose grants the caller may see, or null for all of them. */
export function citiesRegulatedBy(grants: ActiveGrant[]): string[] | null {
  const regions = grants.filter((g) => g.role === 'regulator').map((g) => g.regionCode!)
  return regions.includes(PROVINCE_CODE) ? null : regions
}
