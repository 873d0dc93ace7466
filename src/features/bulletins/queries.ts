import type { BulletinList, BulletinSummary } from '../../../types/bulletins'
import { pagedQuery, query } from '../../services/server-data'
import * as api from './api'

export const bulletinList = (cityCode: string | null) =>
  pagedQuery<BulletinSummary, BulletinList>({
    key: ['bulletins', 'list', cityCode],
    fetchPage: (page) => api.listBulletins(cityCode, page),
    itemKey: (item) => item.id,
  })

/** The newest bulletin, for the 资讯 tab. */
export const latestBulletin = query({ key: ['bulletins', 'latest'], fetch: async () => (await api.listBulletins(null, 1, 1)).items[0] ?? null })

export const bulletinDetail = (id: string) => query({ key: ['bulletins', 'detail', id], fetch: () => api.getBulletin(id) })
