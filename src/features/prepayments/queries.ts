import { query, useQuery } from '../../services/server-data'
import * as api from './api'

/**
 * One institution's prepayment status: the institution page's panel and the compare page's badge share the entry.
 * A regulator's check changes it seldom: a minute's answer is fresh enough to go back and forth between the two.
 */
export const prepaymentStatus = (institutionId: string) =>
  query({ key: ['prepayments', 'status', institutionId], fetch: () => api.getPrepaymentStatus(institutionId), staleTime: 60_000 })

export const usePrepaymentStatus = (institutionId: string | undefined) => useQuery(prepaymentStatus(institutionId ?? ''), { enabled: Boolean(institutionId) })
