import type { MySubsidies, SubsidyEstimate, SubsidyProgramme, SubsidyProgrammeList } from '../../../types/subsidies'
import { http } from '../../services/http'

/** Only a known 市州 is sent: without one the BFF answers for every 市州 (programmes) or for none in particular. */
const city = (cityCode: string | null) => (cityCode ? { cityCode } : {})

/** The programmes paid in a 市州 (national, Jilin's and its own); every one without a 市州. Public. */
export async function listProgrammes(cityCode: string | null): Promise<SubsidyProgramme[]> {
  const { data } = await http.get<SubsidyProgrammeList>('/subsidies/programmes', { params: city(cityCode) })
  return data.items
}

/** What a child born in `birthMonth` gets: the birth month kept on the device is sent only as this query. Public. */
export async function getEstimate(birthMonth: string, cityCode: string | null): Promise<SubsidyEstimate> {
  const { data } = await http.get<SubsidyEstimate>('/subsidies/estimate', { params: { birthMonth, ...city(cityCode) } })
  return data
}

/** One estimate for each of the signed-in parent's children. */
export async function getMySubsidies(cityCode: string | null): Promise<MySubsidies> {
  const { data } = await http.get<MySubsidies>('/me/subsidies', { params: city(cityCode) })
  return data
}
