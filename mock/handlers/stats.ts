import { http, HttpResponse } from 'msw'
import { statsFixture } from '../fixtures/app'

/** GET /api/stats as the BFF serves it (types/stats.ts): the province and every 市州 in one answer. */
export const statsHandlers = [http.get('*/api/stats', () => HttpResponse.json(statsFixture))]
