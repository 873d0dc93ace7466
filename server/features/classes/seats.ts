import type { Kysely } from 'kysely'
import type { ClassPatchBody, SignUpInput } from '../../../types/classes'
import type { Database } from '../../db/schema'
import { ClientError, badRequest, conflict, notFound } from '../../shared/http-errors'
import { rescheduleReminders } from './message-jobs'
import {
  addSignUp, cancelLockedClass, cancelLockedSignUp, findCentre, findChildOf, lockClass, lockSignUp,
  promoteWaiting, updateLockedClass, type LockedClass, type PlaceColumns,
} from './repository'
import { assertCancellable, assertChildSuits, assertClassFields, assertOpenForSignUp, type PlaceValues } from './rules'

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

/** Where the class takes place after the change (see placeOf for a new class). */
function patchedPlace(locked: LockedClass, patch: ClassPatchBody, centre: { address: string; lat: number; lng: number }): PlaceValues {
  if ((patch.lat === undefined) !== (patch.lng === undefined)) throw badRequest(patch.lat === undefined ? 'lat' : 'lng', 'lat 与 lng 需同时提供 (lat and lng go together)')
  const mode = patch.mode ?? locked.mode
  if (mode === 'online') {
    if (patch.address !== undefined) throw badRequest('address', '线上课堂不填写地址和位置 (an online class has no address or position)')
    if (patch.lat !== undefined) throw badRequest('lat', '线上课堂不填写地址和位置 (an online class has no address or position)')
    return { address: null, lat: null, lng: null, onlineUrl: patch.onlineUrl ?? locked.onlineUrl }
  }
  if (patch.onlineUrl !== undefined) throw badRequest('onlineUrl', '线下课堂不需要线上链接 (an offline class has no online link)')
  // Turning online into offline starts from the centre's address and position.
  const base = locked.mode === 'offline' ? { address: locked.address!, lat: locked.lat!, lng: locked.lng! } : centre
  return { address: patch.address ?? base.address, lat: patch.lat ?? base.lat, lng: patch.lng ?? base.lng, onlineUrl: null }
}

/**
 * Applies a staff change under the class lock: a larger capacity promotes waiting parents at once, one below the
 * seats taken is refused, and a new start moves the cut-off with it (unless given) and the reminders.
 */
export async function changeClass(db: Kysely<Database>, classId: string, patch: ClassPatchBody): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const locked = (await lockClass(trx, classId))!
    if (locked.status === 'cancelled') throw conflict('该课堂已取消，不能修改 (the class is cancelled)')
    const startsAt = patch.startsAt ?? locked.startsAt
    const startMoved = patch.startsAt !== undefined && Date.parse(patch.startsAt) !== Date.parse(locked.startsAt)
    const shift = Date.parse(startsAt) - Date.parse(locked.startsAt)
    const fields = {
      startsAt,
      endsAt: patch.endsAt ?? (startMoved ? new Date(Date.parse(locked.endsAt) + shift).toISOString() : locked.endsAt),
      cancellableUntil: patch.cancellableUntil ?? (startMoved ? new Date(Date.parse(locked.cancellableUntil) + shift).toISOString() : locked.cancellableUntil),
      minAgeMonths: patch.minAgeMonths ?? locked.minAgeMonths,
      maxAgeMonths: patch.maxAgeMonths ?? locked.maxAgeMonths,
    }
    assertClassFields(fields, startMoved)
    if (patch.capacity !== undefined && patch.capacity < locked.confirmedCount) {
      throw conflict(`已有 ${locked.confirmedCount} 人报名成功，名额不能少于此数 (capacity below the seats already taken)`, 'capacity')
    }
    const placeTouched = ['mode', 'address', 'lat', 'lng', 'onlineUrl'].some((key) => key in patch)
    const place: Partial<PlaceColumns> = placeTouched ? patchedPlace(locked, patch, (await findCentre(trx, locked.centreId))!) : {}
    await updateLockedClass(trx, classId, {
      title: patch.title, kind: patch.kind, topic: patch.topic, mode: patch.mode, description: patch.description, venue: patch.venue,
      speaker: patch.speaker, capacity: patch.capacity, ...fields, ...place,
    })
    if (patch.capacity !== undefined && patch.capacity > locked.capacity) await promoteWaiting(trx, classId)
    if (startMoved) {
      const seats = await trx.selectFrom('classSignUps').select(['id', 'subscribed']).where('classId', '=', classId).where('status', '=', 'confirmed').execute()
      await rescheduleReminders(trx, seats, startsAt)
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
