import { http, HttpResponse } from 'msw'
import { SANCTION_KINDS } from '../../types/institutions'
import type { SanctionList } from '../../types/sanctions'
import { sanctionFixtures } from '../fixtures/app'
import { sanctionCityCodes } from '../fixtures/app/sanctions'
import { pageOf, publicError, readPaging } from './articles'

/** An imitation of the BFF's public sanctions list (types/sanctions.ts), for the app's tests and the H5 preview. */
export const sanctionHandlers = [
  http.get('*/api/sanctions', ({ request }) => {
    const params = new URL(request.url).searchParams
    const paging = readPaging(params, ['cityCode', 'kind'])
    if (paging instanceof Response) return paging
    const cityCode = params.get('cityCode')
    const kind = params.get('kind')
    if (cityCode !== null && !/^[0-9]{6}$/.test(cityCode)) return publicError(400, 'querystring/cityCode must match pattern "^[0-9]{6}$"', 'cityCode')
    if (kind !== null && !SANCTION_KINDS.includes(kind as never)) return publicError(400, 'querystring/kind must be equal to one of the allowed values', 'kind')
    const found = sanctionFixtures.filter((s) => (!cityCode || sanctionCityCodes[s.institutionId] === cityCode) && (!kind || s.kind === kind))
    const list: SanctionList = pageOf(found, paging)
    return HttpResponse.json(list)
  }),
]
