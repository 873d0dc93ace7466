import { http, HttpResponse } from 'msw'
import type { SanctionList } from '../../types/sanctions'
import { sanctionFixtures } from '../fixtures/app'

/** Every demo sanction in one page, newest first (the fixture's order). */
export const sanctionListFixture: SanctionList = { items: sanctionFixtures, total: sanctionFixtures.length, page: 1, pageSize: 20, hasMore: false }

/** The public sanctions list answered with its fixture (types/sanctions.ts). */
export const sanctionHandlers = [http.get('*/api/sanctions', () => HttpResponse.json(sanctionListFixture))]
