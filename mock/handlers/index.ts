import { http, HttpResponse } from 'msw'
import type { ErrorCode, ErrorResponse } from '../../types/common'
import { gradeSchemeFixture, institutionFixtures, institutionPageFixture, regionFixtures } from '../fixtures/app'
import { accountHandlers } from './account'
import { articleHandlers } from './articles'
import { bulletinHandlers } from './bulletins'
import { classHandlers } from './classes'
import { complaintHandlers } from './complaints'
import { guidanceHandlers } from './guidance'
import { guidePriceHandlers } from './guide-prices'
import { netCostHandlers } from './net-cost'
import { noticeHandlers } from './notices'
import { prepaymentHandlers } from './prepayments'
import { sanctionHandlers } from './sanctions'
import { statsHandlers } from './stats'
import { subsidyHandlers } from './subsidies'

/**
 * The BFF's endpoints answered with fixtures (mock/fixtures/app, checked against the contract): one answer per
 * endpoint, whatever was asked. No routing, filtering, sorting or rules here: a test that needs another answer
 * gives it with `server.use(...)` (test/support/answers.ts) and asserts what the app sent and shows.
 * `*\/api/...` matches both the H5 build (same origin) and the mini-program (TARO_APP_API_BASE).
 */
export const api = (path: string) => `*/api${path}`

const NAMES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  429: 'Too Many Requests',
  503: 'Service Unavailable',
}
/** The code the BFF sends with each status unless a test says otherwise (types/common.ts, ERROR_CODES). */
const CODES: Record<number, ErrorCode> = {
  400: 'invalid_value',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  429: 'rate_limited',
  503: 'service_unavailable',
}

/** An error answer as the BFF sends it (types/common.ts ErrorResponse); `extra` sets the code or anything else. */
export function errorResponse(statusCode: number, message: string, field?: string, extra: Partial<ErrorResponse> = {}) {
  const body: ErrorResponse = {
    statusCode,
    error: NAMES[statusCode] ?? (statusCode >= 500 ? 'Internal Server Error' : 'Error'),
    message,
    code: CODES[statusCode] ?? 'internal',
    ...(field ? { field } : {}),
    ...extra,
  }
  return HttpResponse.json(body, { status: statusCode })
}

export const handlers = [
  http.get(api('/regions'), () => HttpResponse.json(regionFixtures)),
  http.get(api('/grade-scheme'), () => HttpResponse.json(gradeSchemeFixture)),
  http.get(api('/institutions'), () => HttpResponse.json(institutionPageFixture())),
  http.get(api('/institutions/compare'), () => HttpResponse.json({ items: institutionFixtures.slice(0, 2) })),
  // Before /institutions/:id: the notice and committee routes under an institution.
  ...noticeHandlers,
  ...prepaymentHandlers,
  ...guidePriceHandlers,
  ...netCostHandlers,
  http.get(api('/institutions/:id'), () => HttpResponse.json(institutionFixtures[0])),
  ...accountHandlers,
  ...complaintHandlers,
  ...classHandlers,
  ...guidanceHandlers,
  ...articleHandlers,
  ...bulletinHandlers,
  ...sanctionHandlers,
  ...statsHandlers,
  ...subsidyHandlers,
]
