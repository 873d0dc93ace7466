import type { Kysely } from 'kysely'
import type { ClassReplacement, SignUpInput } from '../../../types/classes'
import type { Database } from '../../db/schema'
import { ClientError, conflict, notFound } from '../../shared/http-errors'
import { rescheduleReminders } from './message-jobs'
import {
  addSignUp, cancelLockedClass, cancelLockedSignUp, findCentre, findChildOf, lockClass, lockSignUp, promoteWaiting, updateLockedClass,
} from './repository'
import { assertCancellable, assertChildSuits, assertClassFields, assertOpenForSignUp, placeOf } from './rules'

export const noSuchClass = () => notFound('课堂不存在 (class not found)')
export const noSuchSignUp = () => notFound('报名记录不存在 (sign-up not found)')
const alreadySignedUp = () => conflict('您已报名该课堂，请勿重复报名 (you already have a live sign-up for this class)')

const isUniqueViolation = (error: unknown) => (error as { code?: unknown })?.code === '23505'

/**
 * Signs the parent up, in one transaction that holds the class row lock: a seat when one is free, else the end of the
 * waiting list. Returns the sign-up's id.
 */
export async function signUp(db: Kysely<Database>, classId: string, userId: string, input: SignUpInput): Promise<string> {
  const childId = input.childId ?? null
  const child = childId ? await findChildOf(db, userId, childId) : null
  if (childId && !child) throw new ClientError(404, '未找到这个孩子的信息 (child not found)', 'childId')
  try {
    return await db.transaction().execute(async (trx) => {
      const locked = await lockClass(trx, classId)
      if (!locked) throw noSuchClass()
      assertOpenForSignUp(locked)
      if (child) assertChildSuits(child.birthMonth, locked)
      const row = await addSignUp(trx, locked, { userId, childId, subscribed: [...new Set(input.subscribed ?? [])] })
      return row.id
    })
  } catch (error) {
    // A second live sign-up of the parent for the class: the unique index refuses it and the transaction is undone.
    if (isUniqueViolation(error)) throw alreadySignedUp()
    throw error
  }
}

/** The parent gives up a seat (until the cut-off) or a place on the waiting list (until the start). */
export async function cancelSignUp(db: Kysely<Database>, signUpId: string, userId: string): Promise<void> {
  const found = await db.selectFrom('classSignUps').select(['classId', 'userId']).where('id', '=', signUpId).executeTakeFirst()
  if (!found || found.userId !== userId) throw noSuchSignUp()
  await db.transaction().execute(async (trx) => {
    const locked = (await lockClass(trx, found.classId))!
    // Gone meanwhile: the account was deleted by another request.
    const signUp = await lockSignUp(trx, signUpId)
    if (!signUp) throw noSuchSignUp()
    assertCancellable(signUp, locked)
    await cancelLockedSignUp(trx, signUp)
  })
}

/**
 * Replaces a class under its lock: a larger capacity promotes waiting parents at once, one below the seats taken is
 * refused, and a new start moves the reminders.
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
    await updateLockedClass(trx, classId, { ...replacement, ...place })
    if (replacement.capacity > locked.capacity) await promoteWaiting(trx, classId)
    if (startMoved) {
      const seats = await trx.selectFrom('classSignUps').select(['id', 'subscribed']).where('classId', '=', classId).where('status', '=', 'confirmed').execute()
      await rescheduleReminders(trx, seats, replacement.startsAt)
    }
  })
}

/** The centre cancels a class that has not started; returns how many parents had a live sign-up. */
export async function cancelClass(db: Kysely<Database>, classId: string, reason: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const locked = (await lockClass(trx, classId))!
    if (locked.status === 'cancelled') throw conflict('该课堂已取消 (the class is already cancelled)')
    if (Date.parse(locked.startsAt) <= Date.now()) throw conflict('课堂已开始，不能取消 (the class has started)')
    return cancelLockedClass(trx, classId, reason)
  })
}
