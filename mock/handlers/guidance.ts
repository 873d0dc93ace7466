import { http, HttpResponse } from 'msw'
import { guidanceFixture, scheduledGuidanceFixture } from '../fixtures/app/guidance'

const api = (path: string) => `*/api${path}`

/** The home-guidance endpoints for parents answered with fixtures (types/guidance.ts). */
export const guidanceHandlers = [
  http.post(api('/guidance-requests'), () => HttpResponse.json(guidanceFixture('requested'), { status: 201 })),
  http.get(api('/guidance-requests'), () => HttpResponse.json({ items: [scheduledGuidanceFixture] })),
  http.get(api('/guidance-requests/:id'), () => HttpResponse.json(scheduledGuidanceFixture)),
  http.post(api('/guidance-requests/:id/cancel'), () => HttpResponse.json(guidanceFixture('cancelled'))),
]
