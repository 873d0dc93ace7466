import type { Kysely } from 'kysely'
import type { ClassInput, ParentingClass, ParentingClassDetail, Roster, RosterEntry } from '../../../types/classes'
import type { Database } from '../../db/schema'
import { forbidden } from '../../shared/auth'
import { conflict } from '../../shared/http-errors'
import { findCentre, findClass, insertClass, listCentreClasses, type ClassRow } from './class-repository'
import { presentClass, presentDetail, presentRosterEntry } from './present'
import { DEFAULT_CANCEL_LEAD_MS, assertClassFields, placeOf } from './rules'
import { noSuchClass, noSuchSignUp } from './seat-service'
import { SEAT_HOLDING, findSignUpOwner, listRoster, markAttendance } from './sign-up-repository'

/** What centre staff do with the classes of their own centres (`centreIds`: the centres of their grants). */

export const notYourCentre = () => forbidden('只能管理您所在中心的课堂 (not a class of your centre)')

/** The class, if it is one of the centres': 404 unknown, 403 another centre's. */
export async function classOfCentres(db: Kysely<Database>, id: string, centreIds: string[]): Promise<ClassRow> {
  const row = await findClass(db, id)
  if (!row) throw noSuchClass()
  if (!centreIds.includes(row.centreId)) throw notYourCentre()
  return row
}

/** The class as staff see it, with its online link. */
export async function centreClassDetail(db: Kysely<Database>, id: string): Promise<ParentingClassDetail> {
  return presentDetail((await findClass(db, id))!, null, true)
}

export async function centreClasses(db: Kysely<Database>, centreIds: string[], when: 'upcoming' | 'past' | 'all'): Promise<ParentingClass[]> {
  return (await listCentreClasses(db, centreIds, when)).map(presentClass)
}

/** Publishes the class (its centre one of the staff member's, checked by the caller); returns its id. */
export async function publishClass(db: Kysely<Database>, input: ClassInput, userId: string): Promise<string> {
  const centre = (await findCentre(db, input.centreId))!
  const cancellableUntil = input.cancellableUntil ?? new Date(Date.parse(input.startsAt) - DEFAULT_CANCEL_LEAD_MS).toISOString()
  assertClassFields(
    { startsAt: input.startsAt, endsAt: input.endsAt, cancellableUntil, minAgeMonths: input.minAgeMonths, maxAgeMonths: input.maxAgeMonths },
    true,
  )
  return insertClass(db, {
    centreId: input.centreId,
    title: input.title,
    kind: input.kind,
    topic: input.topic,
    mode: input.mode,
    description: input.description ?? '',
    venue: input.venue,
    ...placeOf(input, centre),
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    cancellableUntil,
    speaker: input.speaker,
    minAgeMonths: input.minAgeMonths,
    maxAgeMonths: input.maxAgeMonths,
    capacity: input.capacity,
    createdBy: userId,
  })
}

export async function rosterOf(db: Kysely<Database>, row: ClassRow): Promise<Roster> {
  const entries = await listRoster(db, row.id)
  return {
    classId: row.id,
    capacity: row.capacity,
    confirmedCount: row.confirmedCount,
    waitingCount: row.waitingCount,
    items: entries.map((e) => presentRosterEntry(e, row.startsAt)),
  }
}

/** Marks a parent with a seat as attended or absent, once the class has started. */
export async function recordAttendance(db: Kysely<Database>, signUpId: string, centreIds: string[], attended: boolean): Promise<RosterEntry> {
  const signUp = await findSignUpOwner(db, signUpId)
  if (!signUp) throw noSuchSignUp()
  const row = await classOfCentres(db, signUp.classId, centreIds)
  if (!SEAT_HOLDING.includes(signUp.status)) throw conflict('只有报名成功的家长可以记录出勤 (only sign-ups with a seat)')
  if (Date.parse(row.startsAt) > Date.now()) throw conflict('课堂开始后才能记录出勤 (the class has not started)')
  await markAttendance(db, signUp.id, attended)
  const entry = (await listRoster(db, row.id)).find((e) => e.id === signUp.id)!
  return presentRosterEntry(entry, row.startsAt)
}
