import type { MonthlyForm } from '../../../types/subsidies'
import { query, useQuery } from '../../services/server-data'
import { getNetCost } from './net-cost-api'

/** A child's birth month is in the key (maybe a saved child's): dropped at every session change, as the account's data is. */
export const netCostQuery = (institutionId: string, birthMonth: string, form: MonthlyForm) =>
  query({
    key: ['subsidies', 'net-cost', institutionId, birthMonth, form],
    fetch: () => getNetCost(institutionId, birthMonth, form),
    staleTime: 60_000,
    account: true,
  })

export const useNetCost = (institutionId: string, birthMonth: string | null, form: MonthlyForm) =>
  useQuery(netCostQuery(institutionId, birthMonth ?? '', form), { enabled: Boolean(institutionId) && birthMonth !== null })
