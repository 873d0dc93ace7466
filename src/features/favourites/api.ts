import type { FavouriteIds } from '../../../types/me'
import type { InstitutionDetail, InstitutionSummary } from '../../../types/institutions'
import { http } from '../../services/http'

export async function mergeFavouriteIds(institutionIds: string[]): Promise<string[]> {
  const { data } = await http.post<FavouriteIds>('/me/favourites/merge', { institutionIds })
  return data.institutionIds
}

export async function putFavourite(institutionId: string): Promise<void> {
  await http.put(`/me/favourites/${encodeURIComponent(institutionId)}`)
}

export async function deleteFavourite(institutionId: string): Promise<void> {
  await http.delete(`/me/favourites/${encodeURIComponent(institutionId)}`)
}

const SUMMARY_KEYS = [
  'id',
  'name',
  'kind',
  'ownership',
  'profit',
  'inclusive',
  'demonstration',
  'cityCode',
  'cityName',
  'districtCode',
  'districtName',
  'address',
  'lat',
  'lng',
  'distanceKm',
  'grade',
  'serviceForms',
  'monthlyFee',
  'classes',
  'freePlaces',
  'vacanciesUpdatedAt',
  'breachesLimits',
  'warning',
  'isDemo',
] as const satisfies readonly (keyof InstitutionSummary)[]

/** The card snapshot for a favourite saved on another device (the account stores ids only). */
export async function getInstitutionSnapshot(id: string): Promise<InstitutionSummary> {
  const { data } = await http.get<InstitutionDetail>(`/institutions/${encodeURIComponent(id)}`)
  return Object.fromEntries(SUMMARY_KEYS.map((key) => [key, data[key]])) as InstitutionSummary
}
