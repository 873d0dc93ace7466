import type { RegionsResponse } from '../../../types/regions'
import { http } from '../../services/http'

export async function getRegions(): Promise<RegionsResponse> {
  const { data } = await http.get<RegionsResponse>('/regions')
  return data
}
