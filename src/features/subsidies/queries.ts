import { query, useQuery } from '../../services/server-data'
import * as api from './api'

export const programmesQuery = (cityCode: string | null) => query({ key: ['subsidies', 'programmes', cityCode], fetch: () => api.listProgrammes(cityCode) })

export const estimateQuery = (birthMonth: string, cityCode: string | null) =>
  query({ key: ['subsidies', 'estimate', birthMonth, cityCode], fetch: () => api.getEstimate(birthMonth, cityCode) })

/** The children (and their birth months) are the account's: dropped at every session change. */
export const mySubsidiesQuery = (cityCode: string | null) =>
  query({ key: ['subsidies', 'mine', cityCode], fetch: () => api.getMySubsidies(cityCode), account: true })

export const useProgrammes = (cityCode: string | null, enabled = true) => useQuery(programmesQuery(cityCode), { enabled })

export const useEstimate = (birthMonth: string | null, cityCode: string | null) =>
  useQuery(estimateQuery(birthMonth ?? '', cityCode), { enabled: birthMonth !== null })

/** Fetched again when the page shows again: a child may have been added or edited in 我的 meanwhile. */
export const useMySubsidies = (signedIn: boolean, cityCode: string | null) => useQuery(mySubsidiesQuery(cityCode), { enabled: signedIn, refetchOnShow: true })
