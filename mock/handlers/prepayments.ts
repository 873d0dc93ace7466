import { http, HttpResponse } from 'msw'
import { prepaymentFixtures } from '../fixtures/app/prepayments'

const api = (path: string) => `*/api${path}`

/** 预收费 answered with one fixture (types/prepayments.ts), whatever institution was asked: a test that needs another badge says so. */
export const prepaymentHandlers = [http.get(api('/institutions/:id/prepayment'), () => HttpResponse.json(prepaymentFixtures.supervised))]
