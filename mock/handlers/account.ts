import { http, HttpResponse } from 'msw'
import { institutionFixtures } from '../fixtures/app'
import { childFixture, linkedFixture, meFixture, phoneCodeSentFixture, privacyPolicyFixture, sessionFixture } from '../fixtures/app/account'

const api = (path: string) => `*/api${path}`
const noContent = () => new HttpResponse(null, { status: 204 })

/** /auth, /me and /privacy-policy answered with fixtures (the signed-in parent has no child yet and follows one institution). */
export const accountHandlers = [
  http.post(api('/auth/wechat'), () => HttpResponse.json(sessionFixture())),
  http.post(api('/auth/wechat/phone'), () => HttpResponse.json(sessionFixture())),
  http.post(api('/auth/phone/code'), () => HttpResponse.json(phoneCodeSentFixture)),
  http.post(api('/auth/phone'), () => HttpResponse.json(sessionFixture())),
  http.post(api('/auth/refresh'), () => HttpResponse.json(sessionFixture({ accessToken: 'access-token-2', refreshToken: 'refresh-token-2' }))),
  http.post(api('/auth/logout'), noContent),
  http.get(api('/privacy-policy'), () => HttpResponse.json(privacyPolicyFixture)),
  http.get(api('/me'), () => HttpResponse.json(meFixture())),
  http.post(api('/me/consents'), () => HttpResponse.json(meFixture())),
  http.get(api('/me/children'), () => HttpResponse.json({ items: [] })),
  http.post(api('/me/children'), () => HttpResponse.json(childFixture, { status: 201 })),
  http.put(api('/me/children/:id'), () => HttpResponse.json(childFixture)),
  http.delete(api('/me/children/:id'), noContent),
  http.get(api('/me/institutions'), () => HttpResponse.json({ items: [linkedFixture(institutionFixtures[0])] })),
  http.post(api('/me/institutions'), () => HttpResponse.json(linkedFixture(institutionFixtures[0]), { status: 201 })),
  http.delete(api('/me/institutions/:institutionId'), noContent),
  http.get(api('/me/favourites'), () => HttpResponse.json({ institutionIds: [] })),
  http.post(api('/me/favourites/merge'), () => HttpResponse.json({ institutionIds: [] })),
  http.put(api('/me/favourites/:institutionId'), noContent),
  http.delete(api('/me/favourites/:institutionId'), noContent),
  http.get(
    api('/me/export'),
    () =>
      new HttpResponse(JSON.stringify({ exportedAt: '2026-11-28T08:00:00.000Z', account: meFixture(), children: [childFixture] }, null, 2), {
        headers: { 'content-type': 'application/json; charset=utf-8', 'content-disposition': 'attachment; filename="jilin-tuoyu-my-data.json"' },
      }),
  ),
  http.delete(api('/me'), noContent),
]
