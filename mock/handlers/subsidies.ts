import { http, HttpResponse } from 'msw'
import { mySubsidiesFixture, subsidyEstimateFixture, subsidyProgrammesFixture } from '../fixtures/app'

const api = (path: string) => `*/api${path}`

/** 育儿补贴 answered with fixtures (types/subsidies.ts), whatever birth month or 市州 was asked: a test that needs another answer says so. */
export const subsidyHandlers = [
  http.get(api('/subsidies/programmes'), () => HttpResponse.json(subsidyProgrammesFixture)),
  http.get(api('/subsidies/estimate'), () => HttpResponse.json(subsidyEstimateFixture)),
  http.get(api('/me/subsidies'), () => HttpResponse.json(mySubsidiesFixture)),
]
