import { query } from '../../services/server-data'
import { getStats } from './api'

/** Fetched once while the app is open: switching region afterwards is instant (the BFF caches it for minutes anyway). */
export const statsQuery = query({ key: ['stats'], fetch: () => getStats(), staleTime: Infinity })
