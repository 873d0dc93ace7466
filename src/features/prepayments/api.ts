import type { PrepaymentStatus } from '../../../types/prepayments'
import { http } from '../../services/http'

/** How an institution takes money in advance, the badge that follows and the rule behind it. Public. */
export async function getPrepaymentStatus(institutionId: string): Promise<PrepaymentStatus> {
  const { data } = await http.get<PrepaymentStatus>(`/institutions/${encodeURIComponent(institutionId)}/prepayment`)
  return data
}
