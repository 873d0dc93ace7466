import type { Kysely, Transaction } from 'kysely'
import type { ClassReplacement, SignUpInput } from '../../../types/classes'
import type { Database } from '../../db/schema'
import { sessionEnded } from '../../shared/auth'
import { ClientError, conflict, notFound } from '../../shared/http-errors'
import { findCentre } from './class-repository'
import { queueMessage, queueReminder, rescheduleReminders } from './message-jobs'
import { assertCancellable, assertChildSuits, assertClassFields, assertOpenForSignUp, placeOf } from './rules'
import {
  addToConfirmedCount,
  classIdsOfUser,
  confirmWaiting,
  confirmedSignUps,
  deleteSignUpsOfUser,
  endLiveSignUps,
  firstWaiting,
  lockClass,
  lockSignUp,
  seatCounts,
  setClassCancelled,
  setSignUpCancelled,
  updateClassFields,
} from './seat-repository'
import { signUpInBatch } from './sign-up-batches'
import { SEAT_HOLDING, findSignUpOwner, type SignUpWithClass } from './sign-up-repository'

/**
 * Seats are never oversold: every sign-up, cancellation, promotion and capacity change runs in one transaction that
 * first locks the class row, and the messages it causes are queued in that same transaction (they exist if and only
 * if the change was committed).
 */
type Trx = Transaction<Database>

export const noSuchClass = () => notFound('课堂不存在 (class not found)')
export const noSuchSignUp = () => notFound('报名记录不存在 (sign-up not found)')
const alreadySignedUp = () => conflict('您已报名该课堂，请勿重复报名 (you already have a live sign-up for this class)')

const isUniqueViolation = (error: unknown) => (error as { code?: unknown })?.code === '23505'

/**
 * Fills free seats from the waiting list in queue order and queues the promoted parents' messages. Nobody is promoted
 * once the class has started or when it is cancelled.
 */
async function promoteWaiting(trx: Trx, classId: string): Promise<void> {
  const counts = await seatCounts(trx, classId)
  const free = counts.capacity - counts.confirmedCount
  if (free <= 0 || counts.status !== 'scheduled' || Date.parse(counts.startsAt) <= Date.now()) return
  const promoted = await confirmWaiting(trx, await firstWaiting(trx, classId, free))
  if (!promoted.length) return
  await addToConfirmedCount(trx, classId, promoted.length)
  for (const row of promoted) {
    await queueMessage(trx, 'promoted', row)
    await queueReminder(trx, row, counts.startsAt)
  }
}

/** A seat left (or held no more): the next waiting parent gets it. */
async function releaseSeats(trx: Trx, classId: string, seats: number): Promise<void> {
  if (!seats) return
  await addToConfirmedCount(trx, classId, -seats)
  await promoteWaiting(trx, classId)
}

/**
 * Signs the parent up: a seat when one is free (promotions leave nobody waiting then), else the end of the waiting
 * list. Answers the sign-up with its class, read after the commit. One statement does it, the session check included
 * (the route only verified the token), for this parent and any others signing up for the class at the same moment
 * (sign-up-batches); a refusal is explained here by the same rules, checked against the class as the statement locked
 * it and at the same instant.
 */
export async function signUp(
  db: Kysely<Database>,
  classId: string,
  session: { userId: string; sessionId: string },
  input: SignUpInput,
): Promise<SignUpWithClass> {
  const childId = input.childId ?? null
  let answer
  try {
    answer = await signUpInBatch(db, {
      classId,
      userId: session.userId,
      sessionId: session.sessionId,
      childId,
      subscribed: [...new Set(input.subscribed ?? [])],
    })
  } catch (error) {
    // A second live sign-up of the parent for the class: the unique index refuses it and nothing is written.
    if (isUniqueViolation(error)) throw alreadySignedUp()
    throw error
  }
  if ('made' in answer) return answer.made
  const { outcome, now } = answer.refused
  const { locked } = outcome
  if (!outcome.sessionLive) throw sessionEnded()
  if (childId && !outcome.childBirthMonth) throw new ClientError(404, '未找到这个孩子的信息 (child not found)', 'childId')
  if (!locked) throw noSuchClass()
  assertOpenForSignUp(locked, now)
  if (outcome.childBirthMonth) assertChildSuits(outcome.childBirthMonth, locked)
  if (outcome.alreadySignedUp) throw alreadySignedUp()
  throw new Error(`sign-up for class ${classId} refused by the database but allowed by the rules`)
}

/** The parent gives up a seat (until the cut-off) or a place on the waiting list (until the start). */
export async function cancelSignUp(db: Kysely<Database>, signUpId: string, userId: string): Promise<void> {
  const found = await findSignUpOwner(db, signUpId)
  if (!found || found.userId !== userId) throw noSuchSignUp()
  await db.transaction().execute(async (trx) => {
    const locked = (await lockClass(trx, found.classId))!
    // Gone meanwhile: the account was deleted by another request.
    const signUp = await lockSignUp(trx, signUpId)
    if (!signUp) throw noSuchSignUp()
    assertCancellable(signUp, locked)
    await setSignUpCancelled(trx, signUp.id)
    await releaseSeats(trx, signUp.classId, SEAT_HOLDING.includes(signUp.status) ? 1 : 0)
  })
}

/**
 * Replaces a class: a larger capacity promotes waiting parents at once, one below the seats taken is refused, and a
 * new start moves the reminders.
 */
export async function replaceClass(db: Kysely<Database>, classId: string, replacement: ClassReplacement): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const locked = (await lockClass(trx, classId))!
    if (locked.status === 'cancelled') throw conflict('该课堂已取消，不能修改 (the class is cancelled)')
    const startMoved = Date.parse(replacement.startsAt) !== Date.parse(locked.startsAt)
    assertClassFields(replacement, startMoved)
    if (replacement.capacity < locked.confirmedCount) {
      throw conflict(`已有 ${locked.confirmedCount} 人报名成功，名额不能少于此数 (capacity below the seats already taken)`, 'capacity')
    }
    const place = placeOf(replacement, (await findCentre(trx, locked.centreId))!)
    await updateClassFields(trx, classId, { ...replacement, ...place })
    if (replacement.capacity > locked.capacity) await promoteWaiting(trx, classId)
    if (startMoved) await rescheduleReminders(trx, await confirmedSignUps(trx, classId), replacement.startsAt)
  })
}

/** The centre cancels a class that has not started: every live sign-up ends and its parent is told. Returns how many. */
export async function cancelClass(db: Kysely<Database>, classId: string, reason: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const locked = (await lockClass(trx, classId))!
    if (locked.status === 'cancelled') throw conflict('该课堂已取消 (the class is already cancelled)')
    if (Date.parse(locked.startsAt) <= Date.now()) throw conflict('课堂已开始，不能取消 (the class has started)')
    await setClassCancelled(trx, classId, reason)
    const ended = await endLiveSignUps(trx, classId)
    for (const row of ended) await queueMessage(trx, 'class_cancelled', row)
    return ended.length
  })
}

/**
 * Account deletion, inside its transaction: removes every sign-up of the user; each seat it held goes to the next
 * waiting parent. Classes are locked in id order, so two deletions never deadlock. Call before deleting the user.
 */
export async function releaseSignUpsOfUser(trx: Trx, userId: string): Promise<void> {
  for (const classId of await classIdsOfUser(trx, userId)) {
    await lockClass(trx, classId)
    const statuses = await deleteSignUpsOfUser(trx, classId, userId)
    await releaseSeats(trx, classId, statuses.filter((status) => SEAT_HOLDING.includes(status)).length)
  }
}
