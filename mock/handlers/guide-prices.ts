import { http, HttpResponse } from 'msw'
import { priceCheckFixtures } from '../fixtures/app/costs'

const api = (path: string) => `*/api${path}`

/** 指导价 answered with one fixture (types/guide-prices.ts), whatever institution was asked: a test that needs another answer says so. */
export const guidePriceHandlers = [http.get(api('/institutions/:id/price-check'), () => HttpResponse.json(priceCheckFixtures.within))]
