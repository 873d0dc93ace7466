import { sql, type Insertable, type Kysely, type Transaction } from 'kysely'
import type { SignUpStatus } from '../../../types/classes'
import type { ClassSignUpsTable, Database } from '../../db/schema'
import { classQuery, type ClassRow } from './class-repository'

type Db = Kysely<Database> | Transaction<Database>

/** Sign-ups holding a seat: counted in parenting_classes.confirmed_count. */
export const SEAT_HOLDING: SignUpStatus[] = ['confirmed', 'attended', 'absent']
/** Sign-ups still in play before the class: one per parent and class (see the unique index). */
export const LIVE: SignUpStatus[] = ['confirmed', 'waiting']

/** 1 = next to be promoted; null unless waiting. */
const waitingPosition = sql<number | null>`CASE WHEN s.status = 'waiting' THEN (SELECT count(*)::int FROM class_sign_ups q
  WHERE q.class_id = s.class_id AND q.status = 'waiting' AND q.queue_number <= s.queue_number) END`

function signUpQuery(db: Db) {
  return db
    .selectFrom('classSignUps as s')
    .leftJoin('children as k', 'k.id', 's.childId')
    .select([
      's.id',
      's.classId',
      's.userId',
      's.status',
      's.childId',
      'k.nickname as childNickname',
      'k.birthMonth as childBirthMonth',
      's.signedUpAt',
      's.promotedAt',
      's.cancelledAt',
      's.queueNumber',
      's.subscribed',
    ])
    .select(waitingPosition.as('waitingPosition'))
}

export type SignUpRow = Awaited<ReturnType<ReturnType<typeof signUpQuery>['executeTakeFirstOrThrow']>>
export type RosterRow = SignUpRow & { parentPhone: string | null }

export interface SignUpWithClass {
  signUp: SignUpRow
  classRow: ClassRow
}

/** The sign-up and its class in one read: the answer to a sign-up. */
export async function findSignUpWithClass(db: Db, id: string): Promise<SignUpWithClass | undefined> {
  return (await findSignUpsWithClass(db, [id]))[0]
}

/** Sign-ups with their classes in one read (the answers to a batch of sign-ups), in no particular order. */
export async function findSignUpsWithClass(db: Db, ids: string[]): Promise<SignUpWithClass[]> {
  if (!ids.length) return []
  const rows = await classQuery(db)
    .innerJoin('classSignUps as s', 's.classId', 'c.id')
    .leftJoin('children as k', 'k.id', 's.childId')
    .select([
      's.id as signUpId',
      's.userId as signUpUserId',
      's.status as signUpStatus',
      's.childId as signUpChildId',
      'k.nickname as childNickname',
      'k.birthMonth as childBirthMonth',
      's.signedUpAt',
      's.promotedAt',
      's.cancelledAt as signUpCancelledAt',
      's.queueNumber',
      's.subscribed',
    ])
    .select(waitingPosition.as('waitingPosition'))
    .where('s.id', 'in', ids)
    .execute()
  return rows.map((row) => {
    const {
      signUpId,
      signUpUserId,
      signUpStatus,
      signUpChildId,
      childNickname,
      childBirthMonth,
      signedUpAt,
      promotedAt,
      signUpCancelledAt,
      queueNumber,
      subscribed,
      waitingPosition: position,
      ...classRow
    } = row
    return {
      signUp: {
        id: signUpId,
        classId: classRow.id,
        userId: signUpUserId,
        status: signUpStatus,
        childId: signUpChildId,
        childNickname,
        childBirthMonth,
        signedUpAt,
        promotedAt,
        cancelledAt: signUpCancelledAt,
        queueNumber,
        subscribed,
        waitingPosition: position,
      },
      classRow,
    }
  })
}

/** Who a sign-up belongs to and where it stands, without its details. */
export async function findSignUpOwner(db: Db, id: string) {
  return db.selectFrom('classSignUps').select(['id', 'classId', 'userId', 'status']).where('id', '=', id).executeTakeFirst()
}

export async function findMyLiveSignUp(db: Db, classId: string, userId: string): Promise<SignUpRow | undefined> {
  return signUpQuery(db).where('s.classId', '=', classId).where('s.userId', '=', userId).where('s.status', 'in', LIVE).executeTakeFirst()
}

export async function listSignUpsOfUser(db: Db, userId: string): Promise<SignUpRow[]> {
  return signUpQuery(db).where('s.userId', '=', userId).orderBy('s.signedUpAt', 'desc').limit(500).execute()
}

/** Confirmed and attended/absent first, then waiting in order, then cancelled; each group by arrival. */
export async function listRoster(db: Db, classId: string): Promise<RosterRow[]> {
  return signUpQuery(db)
    .leftJoin('users as u', 'u.id', 's.userId')
    .select('u.phone as parentPhone')
    .where('s.classId', '=', classId)
    .orderBy(sql`CASE WHEN s.status IN ('confirmed', 'attended', 'absent') THEN 0 WHEN s.status = 'waiting' THEN 1 ELSE 2 END`)
    .orderBy('s.queueNumber')
    .execute()
}

export async function markAttendance(db: Db, signUpId: string, attended: boolean): Promise<void> {
  await db
    .updateTable('classSignUps')
    .set({ status: attended ? 'attended' : 'absent', attendanceMarkedAt: sql<string>`now()` })
    .where('id', '=', signUpId)
    .execute()
}

/** Places registered at the centre itself (no account): the demo classes' seats and waiting lists. */
export async function insertRegisteredPlaces(db: Db, places: Array<Insertable<ClassSignUpsTable>>): Promise<void> {
  for (let i = 0; i < places.length; i += 1000)
    await db
      .insertInto('classSignUps')
      .values(places.slice(i, i + 1000))
      .execute()
}

// ---- what a message job needs ----

export async function findMessageContext(db: Db, signUpId: string) {
  return db
    .selectFrom('classSignUps as s')
    .innerJoin('parentingClasses as c', 'c.id', 's.classId')
    .innerJoin('healthCentres as h', 'h.id', 'c.centreId')
    .leftJoin('users as u', 'u.id', 's.userId')
    .select([
      's.id as signUpId',
      's.status as signUpStatus',
      's.subscribed',
      'u.wechatOpenid as openid',
      'c.id as classId',
      'c.title',
      'c.mode',
      'c.venue',
      'c.startsAt',
      'c.cancellableUntil',
      'c.status as classStatus',
      'c.cancelReason',
      'h.name as centreName',
      'h.phone as centrePhone',
    ])
    .where('s.id', '=', signUpId)
    .executeTakeFirst()
}

export type MessageContext = NonNullable<Awaited<ReturnType<typeof findMessageContext>>>
