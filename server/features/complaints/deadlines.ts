import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import type { Selectable } from 'kysely'
import type { ComplaintStatus } from '../../../types/complaints'
import type { ComplaintsTable } from '../../db/schema'
import { chinaToday } from '../../shared/china-time'

dayjs.extend(utc)

export function addDays(date: string, days: number): string {
  return dayjs.utc(date).add(days, 'day').format('YYYY-MM-DD')
}

/** Counted in calendar days from the filing date in China. */
export function deadlinesOf(filedAt: Date, settings: { acceptDays: number; replyDays: number }): { acceptBy: string; replyBy: string } {
  const filedOn = chinaToday(filedAt)
  return { acceptBy: addDays(filedOn, settings.acceptDays), replyBy: addDays(filedOn, settings.replyDays) }
}

/** Statuses past which the reply deadline no longer runs. */
export const ANSWERED_STATUSES: ComplaintStatus[] = ['replied', 'closed', 'rejected']

/** Not accepted (or rejected) by accept_by, or not answered by reply_by; `today` is a China date (YYYY-MM-DD). */
export function isOverdue(complaint: Pick<Selectable<ComplaintsTable>, 'status' | 'acceptBy' | 'replyBy'>, today: string): boolean {
  if (complaint.status === 'submitted' && today > complaint.acceptBy) return true
  return !ANSWERED_STATUSES.includes(complaint.status) && today > complaint.replyBy
}
