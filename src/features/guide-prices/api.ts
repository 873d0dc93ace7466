import type { InstitutionPriceCheck } from '../../../types/guide-prices'
import { http } from '../../services/http'

/** Each monthly fee of a 普惠 or public institution against the guide price in force for it (none for the others). Public. */
export async function getPriceCheck(institutionId: string): Promise<InstitutionPriceCheck> {
  const { data } = await http.get<InstitutionPriceCheck>(`/institutions/${encodeURIComponent(institutionId)}/price-check`)
  return data
}
