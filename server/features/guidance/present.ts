import type { GuidanceRequest } from '../../../types/guidance'
import type { EventRow, RequestViewRow } from './repository'

/** `events`: this request's events, oldest first. */
export function presentRequest(row: RequestViewRow, events: EventRow[]): GuidanceRequest {
  return {
    id: row.id,
    service: row.service,
    status: row.status,
    child: { id: row.childId, nickname: row.childNickname, birthMonth: row.childBirthMonth },
    timeWindows: row.timeWindows,
    districtCode: row.districtCode,
    districtName: row.districtName,
    address: row.address,
    contactPhone: row.contactPhone,
    note: row.note,
    centre: row.centreId ? { id: row.centreId, name: row.centreName!, phone: row.centrePhone! } : null,
    scheduledAt: row.scheduledAt,
    staffName: row.staffName,
    declineReason: row.declineReason,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    history: events.map((e) => ({ status: e.status, at: e.at, note: e.note })),
  }
}

/** `events`: the events of all the rows, oldest first. */
export function presentRequests(rows: RequestViewRow[], events: EventRow[]): GuidanceRequest[] {
  const byRequest = new Map<string, EventRow[]>()
  for (const event of events) byRequest.set(event.requestId, [...(byRequest.get(event.requestId) ?? []), event])
  return rows.map((row) => presentRequest(row, byRequest.get(row.id) ?? []))
}
