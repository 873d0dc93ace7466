import type { GuidanceRequest, GuidanceRequestInput, GuidanceRequestList } from '../../../types/guidance'
import { http } from '../../services/http'

const seg = encodeURIComponent

export async function listRequests(): Promise<GuidanceRequest[]> {
  const { data } = await http.get<GuidanceRequestList>('/guidance-requests')
  return data.items
}

export async function getRequest(id: string): Promise<GuidanceRequest> {
  const { data } = await http.get<GuidanceRequest>(`/guidance-requests/${seg(id)}`)
  return data
}

export async function createRequest(input: GuidanceRequestInput): Promise<GuidanceRequest> {
  const { data } = await http.post<GuidanceRequest>('/guidance-requests', input)
  return data
}

export async function cancelRequest(id: string): Promise<GuidanceRequest> {
  const { data } = await http.post<GuidanceRequest>(`/guidance-requests/${seg(id)}/cancel`)
  return data
}
