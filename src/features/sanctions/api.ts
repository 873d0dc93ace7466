import type { SanctionKind } from '../../../types/institutions'
import type { SanctionList } from '../../../types/sanctions'
import { http } from '../../services/http'

export const SANCTION_PAGE_SIZE = 20

export type SanctionFilters = { cityCode: string | null; kind: SanctionKind | null }

/** Public list: no sign-in. */
export async function listSanctions(filters: SanctionFilters, page: number, pageSize = SANCTION_PAGE_SIZE): Promise<SanctionList> {
  const params = { ...(filters.cityCode ? { cityCode: filters.cityCode } : {}), ...(filters.kind ? { kind: filters.kind } : {}), page, pageSize }
  const { data } = await http.get<SanctionList>('/sanctions', { params, skipAuth: true })
  return data
}
