import { http, HttpResponse } from 'msw'
import type { BulletinList, BulletinSummary } from '../../types/bulletins'
import { bulletinFixtures } from '../fixtures/app'

const api = (path: string) => `*/api${path}`

export const toBulletinSummary = ({ intro: _intro, entries: _entries, createdAt: _created, ...summary }: (typeof bulletinFixtures)[number]): BulletinSummary =>
  summary

/** Every demo bulletin in one page, newest first (the fixture's order). */
export const bulletinListFixture: BulletinList = { items: bulletinFixtures.map(toBulletinSummary), total: bulletinFixtures.length, hasMore: false }

/** The public bulletin endpoints answered with fixtures (types/bulletins.ts). */
export const bulletinHandlers = [
  http.get(api('/bulletins'), () => HttpResponse.json(bulletinListFixture)),
  http.get(api('/bulletins/:id'), () => HttpResponse.json(bulletinFixtures[0])),
]
