import type { GuidanceRequest, GuidanceService, GuidanceStatus, TimeWindow } from '../../../types/guidance'
import type { EventRow, RequestView } from './repository'

/** `events`: this request's events, oldest first. */
export function presentRequest(row: RequestView, events: EventRow[]): GuidanceRequest {
  return {
    id: row.id,
    service: row.service as GuidanceService,
    status: row.status as GuidanceStatus,
    child: { id: row.childId, nickname: row.childNickname, birthMonth: row.childBirthMonth },
    timeWindows: row.timeWindows as TimeWindow[],
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
    history: events.map((e) => ({ status: e.status as GuidanceStatus, at: e.at, note: e.note })),
  }
}

/** `events`: the events of all the rows, oldest first. */
export function presentRequests(rows: RequestView[], events: EventRow[]): GuidanceRequest[] {
  const byRequest = new Map<string, EventRow[]>()
  for (const event of events) byRequest.set(event.requestId, [...(byRequest.get(event.requestId) ?? []), event])
  return rows.map((row) => presentRequest(row, byRequest.get(row.id) ?? []))
}
