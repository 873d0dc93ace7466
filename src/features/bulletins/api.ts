import type { Bulletin, BulletinList } from '../../../types/bulletins'
import { http } from '../../services/http'

const seg = encodeURIComponent

export const BULLETIN_PAGE_SIZE = 20

/** A 市州 code lists its own bulletins and the province-wide ones; null lists all. Public: no sign-in. */
export async function listBulletins(cityCode: string | null, page: number, pageSize = BULLETIN_PAGE_SIZE): Promise<BulletinList> {
  const params = { ...(cityCode ? { cityCode } : {}), page, pageSize }
  const { data } = await http.get<BulletinList>('/bulletins', { params, skipAuth: true })
  return data
}

export async function getBulletin(id: string): Promise<Bulletin> {
  const { data } = await http.get<Bulletin>(`/bulletins/${seg(id)}`, { skipAuth: true })
  return data
}
