import { http, HttpResponse } from 'msw'
import { committeeNoticeFixture, committeePageFixture, noticeFixture, noticeListFixture, unreadFixture } from '../fixtures/app/notices'

const api = (path: string) => `*/api${path}`
const noContent = () => new HttpResponse(null, { status: 204 })

/** The parent-committee notice endpoints answered with fixtures (types/notices.ts). */
export const noticeHandlers = [
  http.get(api('/me/notices/unread'), () => HttpResponse.json(unreadFixture())),
  http.get(api('/institutions/:institutionId/notices'), () => HttpResponse.json(noticeListFixture())),
  http.post(api('/institutions/:institutionId/notices'), () => HttpResponse.json(committeeNoticeFixture(), { status: 201 })),
  http.get(api('/institutions/:institutionId/committee/notices'), () => HttpResponse.json({ items: [committeeNoticeFixture()] })),
  http.get(api('/institutions/:institutionId/committee'), () => HttpResponse.json(committeePageFixture)),
  http.put(api('/institutions/:institutionId/committee/profile'), noContent),
  http.post(api('/institutions/:institutionId/committee/meetings'), () => HttpResponse.json(committeePageFixture.meetings[0], { status: 201 })),
  http.post(api('/notices/images'), () =>
    HttpResponse.json({ id: '5e0a7c00-0000-4000-9000-0000000000b1', bytes: 1024, contentType: 'image/jpeg' }, { status: 201 }),
  ),
  http.get(api('/notices/:id'), () => HttpResponse.json(noticeFixture(undefined, { read: true }))),
  http.put(api('/notices/:id'), () => HttpResponse.json(committeeNoticeFixture())),
  http.post(api('/notices/:id/withdraw'), noContent),
  http.post(api('/notices/:id/report'), () =>
    HttpResponse.json({ id: '5e0a7c00-0000-4000-9000-0000000000c1', reportedAt: '2026-11-28T08:00:00.000Z' }, { status: 201 }),
  ),
]
