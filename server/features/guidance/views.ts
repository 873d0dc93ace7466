import type { Kysely } from 'kysely'
import type { GuidanceRequest, GuidanceStatus } from '../../../types/guidance'
import type { Database } from '../../db/schema'
import { presentRequests } from './present'
import { eventsOf, findRequestView, requestViewsInDistricts, requestViewsOf, type RequestViewRow } from './repository'
import { noSuchRequest } from './transitions'

type Db = Kysely<Database>

async function withHistory(db: Db, rows: RequestViewRow[]): Promise<GuidanceRequest[]> {
  return presentRequests(
    rows,
    await eventsOf(
      db,
      rows.map((r) => r.id),
    ),
  )
}

/** The request as both sides see it; 404 if it went meanwhile (the child's data was deleted). */
export async function shownRequest(db: Db, id: string): Promise<GuidanceRequest> {
  const row = await findRequestView(db, id)
  if (!row) throw noSuchRequest()
  return (await withHistory(db, [row]))[0]
}

/** The parent's requests, newest first, each with its history; also what GET /me/export holds of them. */
export async function requestsOf(db: Db, userId: string): Promise<GuidanceRequest[]> {
  return withHistory(db, await requestViewsOf(db, userId))
}

/** Requests in the districts, oldest first: the order a centre works through them. */
export async function requestsInDistricts(db: Db, districtCodes: string[], status: GuidanceStatus | undefined): Promise<GuidanceRequest[]> {
  return withHistory(db, await requestViewsInDistricts(db, districtCodes, status))
}
