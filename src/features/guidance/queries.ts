import type { GuidanceRequest, GuidanceRequestInput } from '../../../types/guidance'
import { query, setQueryData } from '../../services/server-data'
import * as api from './api'

export const guidanceRequests = query({ key: ['guidance', 'list'], fetch: () => api.listRequests(), account: true })
export const guidanceRequest = (id: string) => query({ key: ['guidance', 'detail', id], fetch: () => api.getRequest(id), account: true })

/** One request changed: its page and its line in the list follow, without a round trip. */
function remember(item: GuidanceRequest): GuidanceRequest {
  setQueryData<GuidanceRequest>(guidanceRequest(item.id).key, () => item)
  setQueryData<GuidanceRequest[]>(
    guidanceRequests.key,
    (list) => list && (list.some((r) => r.id === item.id) ? list.map((r) => (r.id === item.id ? item : r)) : [item, ...list]),
  )
  return item
}

/** Throws what the BFF refused (a 400 names the field). */
export const createRequest = async (input: GuidanceRequestInput) => remember(await api.createRequest(input))

export const cancelRequest = async (id: string) => remember(await api.cancelRequest(id))
