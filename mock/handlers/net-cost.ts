import { http, HttpResponse } from 'msw'
import { netCostFixtures } from '../fixtures/app/costs'

const api = (path: string) => `*/api${path}`

/**
 * What care really costs (types/subsidies.ts NetCost): the full-day answer whatever institution, birth month or form
 * was asked. A test that needs the half-day one or another answer says so.
 */
export const netCostHandlers = [http.get(api('/institutions/:id/net-cost'), () => HttpResponse.json(netCostFixtures.fullDay))]
