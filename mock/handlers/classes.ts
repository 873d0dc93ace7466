import { http, HttpResponse } from 'msw'
import { classFixture, classPageFixture, messageTemplatesFixture, mySignUpsFixture, signUpFixture } from '../fixtures/app/classes'

const api = (path: string) => `*/api${path}`

const ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//jilin-tuoyu//classes//ZH',
  'BEGIN:VEVENT',
  'UID:class-demo@jilin-tuoyu',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n')

/** The parenting-class endpoints for parents answered with fixtures (types/classes.ts). */
export const classHandlers = [
  http.get(api('/classes'), () => HttpResponse.json(classPageFixture())),
  http.get(api('/classes/message-templates'), () => HttpResponse.json(messageTemplatesFixture)),
  http.get(api('/classes/:id/calendar.ics'), () => new HttpResponse(ICS, { headers: { 'content-type': 'text/calendar; charset=utf-8' } })),
  http.get(api('/classes/:id'), () => HttpResponse.json(classFixture())),
  http.post(api('/classes/:id/sign-ups'), () => HttpResponse.json(signUpFixture(classFixture()), { status: 201 })),
  http.get(api('/sign-ups'), () => HttpResponse.json(mySignUpsFixture())),
  http.post(api('/sign-ups/:id/cancel'), () =>
    HttpResponse.json(signUpFixture(classFixture(), { status: 'cancelled', cancelledAt: new Date().toISOString() })),
  ),
]
