import type { GrantRecord } from '../../../types/roles'
import { PROVINCE_CODE } from '../../../types/roles'
import type { GrantRecordRow } from './repository'

export function presentGrantRecord(row: GrantRecordRow): GrantRecord {
  return {
    id: row.id,
    userId: row.userId,
    role: row.role,
    institutionId: row.institutionId,
    institutionName: row.institutionName,
    centreId: row.centreId,
    centreName: row.centreName,
    regionCode: row.regionCode,
    regionName: row.regionCode === PROVINCE_CODE ? '吉林省' : row.regionName,
    grantedAt: row.grantedAt,
    grantedBy: row.grantedBy,
    revokedAt: row.revokedAt,
    revokedBy: row.revokedBy,
  }
}
