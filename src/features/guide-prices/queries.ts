import { query, useQuery } from '../../services/server-data'
import * as api from './api'

/**
 * One institution's fees against their caps: the institution page and the compare page share the entry. Caps and fees
 * change seldom: a minute's answer is fresh enough to go back and forth between the two.
 */
export const priceCheckQuery = (institutionId: string) =>
  query({ key: ['guide-prices', 'check', institutionId], fetch: () => api.getPriceCheck(institutionId), staleTime: 60_000 })

export const usePriceCheck = (institutionId: string | undefined) => useQuery(priceCheckQuery(institutionId ?? ''), { enabled: Boolean(institutionId) })
