import { PROVINCE_CODE } from '../../../types/roles'
import { regulatesCity, type ActiveGrant } from '../../shared/auth'
import { notFound } from '../../shared/http-errors'

/**
 * Who may edit what: an article belongs to the region of its author's regulator grant. A province regulator (220000)
 * sees and edits every article; a 市州 regulator only its own 市州's. Articles of other regions are, to it, unknown (404).
 */

/** The region a new article belongs to: the province if the author regulates it, else the author's 市州 (the lowest code if several). */
export function authoringRegion(grants: ActiveGrant[]): string {
  const regions = grants
    .filter((g) => g.role === 'regulator')
    .map((g) => g.regionCode!)
    .sort()
  return regions.includes(PROVINCE_CODE) ? PROVINCE_CODE : regions[0]
}

/** The regions whose articles the regulator edits, or null for all of them. */
export function editableRegions(grants: ActiveGrant[]): string[] | null {
  const regions = grants.filter((g) => g.role === 'regulator').map((g) => g.regionCode!)
  return regions.includes(PROVINCE_CODE) ? null : regions
}

export const mayEdit = (grants: ActiveGrant[], regionCode: string) => regulatesCity(grants, regionCode)

export const noSuchArticle = () => notFound('文章不存在 (article not found)')
