import type { Selectable, Transaction } from 'kysely'
import type { ClassMessageKind } from '../../../types/classes'
import type { ClassSignUpsTable, Database } from '../../db/schema'
import { enqueue, reschedule } from '../../shared/jobs/repository'

type Trx = Transaction<Database>

/** The job kind that sends one message kind, e.g. 'classes.promoted'. */
export const jobKind = (kind: ClassMessageKind) => `classes.${kind}`

/** One message of each kind per sign-up at most: one acceptance in requestSubscribeMessage allows one message. */
export const messageKey = (kind: ClassMessageKind, signUpId: string) => `classes.${kind}:${signUpId}`

export const REMINDER_LEAD_MS = 24 * 3600 * 1000

type SignUpToTell = Pick<Selectable<ClassSignUpsTable>, 'id' | 'subscribed'>

/** Queues the message in the caller's transaction, if the parent accepted that kind. */
export async function queueMessage(trx: Trx, kind: ClassMessageKind, signUp: SignUpToTell, runAt?: string): Promise<void> {
  if (!signUp.subscribed.includes(kind)) return
  await enqueue(trx, { kind: jobKind(kind), payload: { signUpId: signUp.id }, dedupeKey: messageKey(kind, signUp.id), runAt })
}

/** The day-before reminder of a seat; none when the seat comes later than a day before the start. */
export async function queueReminder(trx: Trx, signUp: SignUpToTell, startsAt: string): Promise<void> {
  const runAt = Date.parse(startsAt) - REMINDER_LEAD_MS
  if (runAt <= Date.now()) return
  await queueMessage(trx, 'reminder', signUp, new Date(runAt).toISOString())
}

/**
 * The class moved: reminders not sent yet follow it. One already sent is not sent again (the acceptance is used up);
 * one that is now due in the past goes out at once, with the new time.
 */
export async function rescheduleReminders(trx: Trx, seats: SignUpToTell[], startsAt: string): Promise<void> {
  const runAt = new Date(Math.max(Date.parse(startsAt) - REMINDER_LEAD_MS, Date.now())).toISOString()
  for (const seat of seats) {
    if (!seat.subscribed.includes('reminder')) continue
    if (!(await reschedule(trx, messageKey('reminder', seat.id), runAt))) await queueReminder(trx, seat, startsAt)
  }
}
