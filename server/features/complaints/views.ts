import type { Kysely } from 'kysely'
import type { ComplaintList, ComplaintView, RegulatorComplaintView } from '../../../types/complaints'
import type { Database } from '../../db/schema'
import { chinaToday } from '../../shared/china-time'
import { forwardingStates } from './forwarding/jobs'
import { presentComplaint, presentForRegulator, presentSummary } from './present'
import { complaintDetails, findComplaintByTrackingNumber, listComplaints, type ComplaintFilter, type ComplaintRow } from './repository'

type Db = Kysely<Database>

export async function findComplaint(db: Db, trackingNumber: string): Promise<ComplaintRow | undefined> {
  return findComplaintByTrackingNumber(db, trackingNumber)
}

/** What the reporter sees: status, deadlines, reply and timeline; photos as signed links. */
export async function reporterView(db: Db, jwtSecret: string, trackingNumber: string): Promise<ComplaintView> {
  const complaint = (await findComplaintByTrackingNumber(db, trackingNumber))!
  return presentComplaint(complaint, await complaintDetails(db, complaint), { jwtSecret, today: chinaToday() })
}

/** The reporter's view with the contact phone (when given) and the forwarding to each department. */
export async function regulatorView(db: Db, jwtSecret: string, trackingNumber: string): Promise<RegulatorComplaintView> {
  const complaint = (await findComplaintByTrackingNumber(db, trackingNumber))!
  const [details, forwardings] = await Promise.all([complaintDetails(db, complaint), forwardingStates(db, complaint.id, complaint.departments)])
  return presentForRegulator(complaint, details, forwardings, { jwtSecret, today: chinaToday() })
}

/** A page of complaints; `overdue` and its filter are counted for today in China. */
export async function complaintList(db: Db, filter: Omit<ComplaintFilter, 'today'>, order: 'urgent_then_oldest' | 'newest'): Promise<ComplaintList> {
  const today = chinaToday()
  const list = await listComplaints(db, { ...filter, today }, order)
  return { items: list.rows.map((row) => presentSummary(row, today)), total: list.total, page: list.page, pageSize: list.pageSize, hasMore: list.hasMore }
}
