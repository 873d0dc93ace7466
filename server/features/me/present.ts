import type { RoleGrant } from '../../../types/me'
import { PROVINCE_CODE } from '../../../types/roles'

/** 13800001234 → 138****1234 */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return null
  return phone.length >= 11 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****'
}

export function presentGrant(row: RoleGrant): RoleGrant {
  const regionName = row.regionCode === PROVINCE_CODE ? '吉林省' : row.regionName
  return {
    id: row.id,
    role: row.role,
    institutionId: row.institutionId,
    institutionName: row.institutionName,
    centreId: row.centreId,
    centreName: row.centreName,
    regionCode: row.regionCode,
    regionName,
    grantedAt: row.grantedAt,
    grantedBy: row.grantedBy,
  }
}
