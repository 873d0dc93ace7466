import type { CompareResponse, DetailQuery } from '../../../types/institutions'
import { http } from '../../services/http'

export async function compareInstitutions(ids: string[], query: DetailQuery): Promise<CompareResponse> {
  const { data } = await http.get<CompareResponse>('/institutions/compare', { params: { ids: ids.join(','), ...query } })
  return data
}
