import { http, HttpResponse } from 'msw'
import type { ErrorResponse } from '../../types/common'
import { gradeSchemeFixture, regionFixtures } from '../fixtures/app'
import { accountHandlers } from './account'
import { articleHandlers } from './articles'
import { bulletinHandlers } from './bulletins'
import { classHandlers } from './classes'
import { complaintHandlers } from './complaints'
import { guidanceHandlers } from './guidance'
import { noticeHandlers } from './notices'
import { sanctionHandlers } from './sanctions'
import { findInstitution, searchInstitutions } from './search'
import { statsHandlers } from './stats'

// `*/api/...` matches both the H5 build (same origin) and the mini-program (TARO_APP_API_BASE).
const api = (path: string) => `*/api${path}`

export function errorResponse(statusCode: number, message: string, field?: string) {
  const body: ErrorResponse = { statusCode, error: statusCode === 404 ? 'Not Found' : statusCode >= 500 ? 'Internal Server Error' : 'Bad Request', message, ...(field ? { field } : {}) }
  return HttpResponse.json(body, { status: statusCode })
}

export const handlers = [
  http.get(api('/regions'), () => HttpResponse.json(regionFixtures)),
  http.get(api('/grade-scheme'), () => HttpResponse.json(gradeSchemeFixture)),
  http.get(api('/institutions'), ({ request }) => HttpResponse.json(searchInstitutions(new URL(request.url).searchParams))),
  http.get(api('/institutions/compare'), ({ request }) => {
    const params = new URL(request.url).searchParams
    const ids = (params.get('ids') ?? '').split(',').filter(Boolean)
    if (ids.length < 2 || ids.length > 4) return errorResponse(400, 'ids must list 2 to 4 institutions', 'ids')
    const items = ids.map((id) => findInstitution(id, params))
    if (items.some((item) => !item)) return errorResponse(404, 'institution not found', 'ids')
    return HttpResponse.json({ items })
  }),
  // Before /institutions/:id: the notice and committee routes under an institution.
  ...noticeHandlers,
  http.get(api('/institutions/:id'), ({ request, params }) => {
    const detail = findInstitution(String(params.id), new URL(request.url).searchParams)
    return detail ? HttpResponse.json(detail) : errorResponse(404, 'institution not found')
  }),
  ...accountHandlers,
  ...complaintHandlers,
  ...classHandlers,
  ...guidanceHandlers,
  ...articleHandlers,
  ...bulletinHandlers,
  ...sanctionHandlers,
  ...statsHandlers,
]
