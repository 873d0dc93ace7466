import type { Stats } from '../../../types/stats'
import { http } from '../../services/http'

/** Public figures: no sign-in needed, so no token and no refresh. */
export async function getStats(): Promise<Stats> {
  const { data } = await http.get<Stats>('/stats', { skipAuth: true })
  return data
}
