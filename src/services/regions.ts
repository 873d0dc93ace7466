import type { RegionsResponse } from '../../types/regions'
import { http } from './http'
import { query, useQuery, type QueryOptions } from './server-data'

/** The 市州 and districts of Jilin: for the location picker, the 市州 chips of public lists and the forms' districts. */
export const regionsQuery = query({
  key: ['regions'],
  fetch: async () => (await http.get<RegionsResponse>('/regions')).data,
  // Administrative divisions do not change while the app is open.
  staleTime: Infinity,
})

export const useRegions = (options?: QueryOptions) => useQuery(regionsQuery, options)
