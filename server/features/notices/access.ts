import type { ActiveGrant } from '../../shared/auth'
import { forbidden } from '../../shared/auth'

export const isCommitteeOf = (grants: ActiveGrant[], institutionId: string) => grants.some((g) => g.role === 'committee' && g.institutionId === institutionId)

export function assertCommitteeOf(grants: ActiveGrant[], institutionId: string): void {
  if (!isCommitteeOf(grants, institutionId)) throw forbidden("只有该机构的家长委员会成员可以操作 (only members of this institution's parent committee)")
}

export const notTheAuthor = () => forbidden('只有发布者本人可以修改或撤回 (only the author may change or withdraw the notice)')
export const outsideYourCity = () => forbidden('不能管理其他市州 (outside the 市州 you regulate)')
