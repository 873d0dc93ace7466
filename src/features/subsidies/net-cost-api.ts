import type { MonthlyForm, NetCost } from '../../../types/subsidies'
import { http } from '../../services/http'

/**
 * What care at an institution will really cost a child born in `birthMonth`, month by month: the fee of the class for its
 * age, 伙食费, less the subsidies of the institution's 市州. The birth month goes only as this query. Public.
 */
export async function getNetCost(institutionId: string, birthMonth: string, form: MonthlyForm): Promise<NetCost> {
  const { data } = await http.get<NetCost>(`/institutions/${encodeURIComponent(institutionId)}/net-cost`, { params: { birthMonth, form } })
  return data
}
