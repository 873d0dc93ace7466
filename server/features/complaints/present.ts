import type { ComplaintSummary, ComplaintView, Department, RegulatorComplaintView } from '../../../types/complaints'
import { signPhotoUrl } from './photos/photo-urls'
import { isOverdue } from './deadlines'
import type { ComplaintDetails, ComplaintRow } from './repository'

interface Forwarded {
  department: Department
  attempts: number
  deliveredAt: string | null
}

const photoOf = (jwtSecret: string) => (photo: { id: string }) => ({ id: photo.id, url: signPhotoUrl(jwtSecret, photo.id) })

export function presentComplaint(row: ComplaintRow, details: ComplaintDetails, options: { jwtSecret: string; today: string }): ComplaintView {
  const photo = photoOf(options.jwtSecret)
  return {
    trackingNumber: row.trackingNumber,
    category: row.category,
    status: row.status,
    urgent: row.urgent,
    institution: details.institution,
    provider: row.providerName === null ? null : { name: row.providerName, address: row.providerAddress ?? '', cityCode: row.cityCode },
    cityCode: row.cityCode,
    description: row.description,
    occurredAt: row.occurredAt,
    filedAt: row.filedAt,
    photos: details.photos.filter((p) => p.additionId === null).map(photo),
    departments: row.departments,
    acceptBy: row.acceptBy,
    replyBy: row.replyBy,
    overdue: isOverdue(row, options.today),
    reply: row.reply,
    rejectionReason: row.rejectionReason,
    outcome: row.outcome,
    rating: row.ratingScore === null ? null : { score: row.ratingScore, comment: row.ratingComment, at: row.ratedAt! },
    additions: details.additions.map((a) => ({ text: a.text, at: a.at, photos: details.photos.filter((p) => p.additionId === a.id).map(photo) })),
    timeline: details.events.map((e) => ({
      type: e.type,
      at: e.at,
      department: e.department,
      note: e.note,
      by: e.actor,
    })),
  }
}

/** `forwardings`: how far forwarding to each department got, oldest first. */
export function presentForRegulator(
  row: ComplaintRow,
  details: ComplaintDetails,
  forwardings: Forwarded[],
  options: { jwtSecret: string; today: string },
): RegulatorComplaintView {
  return {
    ...presentComplaint(row, details, options),
    anonymous: row.anonymous,
    contactPhone: row.contactPhone,
    deliveries: forwardings.map((f) => ({
      department: f.department,
      status: f.deliveredAt ? 'delivered' : 'pending',
      attempts: f.attempts,
      deliveredAt: f.deliveredAt,
    })),
    sanctionPublished: row.sanctionPublishedAt !== null,
  }
}

export function presentSummary(row: Omit<ComplaintSummary, 'overdue'>, today: string): ComplaintSummary {
  return {
    trackingNumber: row.trackingNumber,
    category: row.category,
    status: row.status,
    urgent: row.urgent,
    overdue: isOverdue(row, today),
    subject: row.subject,
    cityCode: row.cityCode,
    filedAt: row.filedAt,
    acceptBy: row.acceptBy,
    replyBy: row.replyBy,
  }
}

/**
 * What a department's intake receives. The contact phone only when the reporter gave one (never for anonymous reports);
 * photos travel as ids the department can fetch through the regulator view.
 */
export function deliveryPayload(row: ComplaintRow, institution: { id: string; name: string } | null, photoIds: string[]): Record<string, unknown> {
  return {
    trackingNumber: row.trackingNumber,
    category: row.category,
    urgent: row.urgent,
    cityCode: row.cityCode,
    institution,
    provider: row.providerName === null ? null : { name: row.providerName, address: row.providerAddress },
    description: row.description,
    occurredAt: row.occurredAt,
    filedAt: row.filedAt,
    anonymous: row.anonymous,
    contactPhone: row.contactPhone,
    photoIds,
  }
}
