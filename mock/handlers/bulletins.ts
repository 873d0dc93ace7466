import { http, HttpResponse } from 'msw'
import type { BulletinList, BulletinSummary } from '../../types/bulletins'
import { bulletinFixtures } from '../fixtures/app'
import { pageOf, publicError, readPaging } from './articles'

/** An imitation of the BFF's public bulletin endpoints (types/bulletins.ts), for the app's tests and the H5 preview. */

const api = (path: string) => `*/api${path}`
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

const toSummary = ({ intro: _intro, entries: _entries, createdAt: _created, ...summary }: (typeof bulletinFixtures)[number]): BulletinSummary => summary

export const bulletinHandlers = [
  http.get(api('/bulletins'), ({ request }) => {
    const params = new URL(request.url).searchParams
    const paging = readPaging(params, ['cityCode'])
    if (paging instanceof Response) return paging
    const cityCode = params.get('cityCode')
    if (cityCode !== null && !/^[0-9]{6}$/.test(cityCode)) return publicError(400, 'querystring/cityCode must match pattern "^[0-9]{6}$"', 'cityCode')
    // A 市州: its own bulletins and the province-wide ones.
    const found = bulletinFixtures.filter((b) => !cityCode || b.cityCode === null || b.cityCode === cityCode).map(toSummary)
    const { items, total, hasMore } = pageOf(found, paging)
    const list: BulletinList = { items, total, hasMore }
    return HttpResponse.json(list)
  }),

  http.get(api('/bulletins/:id'), ({ params }) => {
    const id = String(params.id)
    if (!UUID.test(id)) return publicError(400, 'params/id must match format "uuid"', 'id')
    const found = bulletinFixtures.find((b) => b.id === id)
    return found ? HttpResponse.json(found) : publicError(404, '公示不存在')
  }),
]
