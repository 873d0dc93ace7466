import type { GradeScheme } from '../../../types/grades'
import type { DetailQuery, InstitutionDetail, InstitutionPage, InstitutionSearchQuery } from '../../../types/institutions'
import { http } from '../../services/http'

export async function searchInstitutions(query: InstitutionSearchQuery, signal?: AbortSignal): Promise<InstitutionPage> {
  const { data } = await http.get<InstitutionPage>('/institutions', { params: query, signal })
  return data
}

export async function getInstitution(id: string, query: DetailQuery): Promise<InstitutionDetail> {
  const { data } = await http.get<InstitutionDetail>(`/institutions/${encodeURIComponent(id)}`, { params: query })
  return data
}

export async function getGradeScheme(): Promise<GradeScheme> {
  const { data } = await http.get<GradeScheme>('/grade-scheme')
  return data
}
