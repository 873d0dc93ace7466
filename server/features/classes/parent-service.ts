import type { Kysely } from 'kysely'
import type { ClassSearchQuery, ClassSearchResult, MySignUps, ParentingClassDetail, SignUp, SignUpInput } from '../../../types/classes'
import type { Database } from '../../db/schema'
import type { Reference } from '../../shared/reference'
import { classCalendar } from './calendar'
import { findClass, findClasses, searchClasses } from './class-repository'
import { presentClass, presentDetail, presentSignUp } from './present'
import { toClassSearch } from './rules'
import { noSuchClass, noSuchSignUp, signUp } from './seat-service'
import { LIVE, findMyLiveSignUp, findSignUpWithClass, listSignUpsOfUser } from './sign-up-repository'

export async function findParentingClasses(db: Kysely<Database>, query: ClassSearchQuery, reference: Reference): Promise<ClassSearchResult> {
  const search = toClassSearch(query, reference)
  const { rows, total } = await searchClasses(db, search)
  return {
    items: rows.map(presentClass),
    total,
    page: query.page ?? 1,
    pageSize: search.limit,
    hasMore: search.offset + rows.length < total,
  }
}

/** One class; with `userId`, that parent's live sign-up too. */
export async function classDetail(db: Kysely<Database>, id: string, userId: string | null): Promise<ParentingClassDetail> {
  const row = await findClass(db, id)
  if (!row) throw noSuchClass()
  const mine = userId ? await findMyLiveSignUp(db, row.id, userId) : undefined
  return presentDetail(row, mine ?? null)
}

/** The class as an iCalendar document, with the class's id for the file name. */
export async function classCalendarFile(db: Kysely<Database>, id: string): Promise<{ id: string; ics: string }> {
  const row = await findClass(db, id)
  if (!row) throw noSuchClass()
  return { id: row.id, ics: classCalendar(presentDetail(row, null), row.updatedAt, row.version) }
}

/** Signs the parent up (seat-service) and answers the sign-up as its parent sees it. */
export async function signUpAndAnswer(
  db: Kysely<Database>,
  classId: string,
  session: { userId: string; sessionId: string },
  input: SignUpInput,
): Promise<SignUp> {
  const made = await signUp(db, classId, session, input)
  return presentSignUp(made.signUp, made.classRow)
}

/** The sign-up as its parent sees it (read after the change committed: its place and counts include every earlier one). */
export async function signUpView(db: Kysely<Database>, id: string): Promise<SignUp> {
  const found = await findSignUpWithClass(db, id)
  if (!found) throw noSuchSignUp()
  return presentSignUp(found.signUp, found.classRow)
}

/** Every sign-up of the parent with its class, newest first. */
export async function signUpsOf(db: Kysely<Database>, userId: string): Promise<SignUp[]> {
  const rows = await listSignUpsOfUser(db, userId)
  const classes = new Map((await findClasses(db, [...new Set(rows.map((r) => r.classId))])).map((c) => [c.id, c]))
  return rows.map((row) => presentSignUp(row, classes.get(row.classId)!))
}

/** 我的报名: upcoming (live, class not ended) soonest first; past (ended or cancelled) newest first. */
export async function mySignUps(db: Kysely<Database>, userId: string, now = Date.now()): Promise<MySignUps> {
  const all = await signUpsOf(db, userId)
  const isUpcoming = (s: SignUp) => LIVE.includes(s.status) && Date.parse(s.class.endsAt) > now
  const byStart = (a: SignUp, b: SignUp) => Date.parse(a.class.startsAt) - Date.parse(b.class.startsAt)
  return {
    upcoming: all.filter(isUpcoming).sort(byStart),
    past: all.filter((s) => !isUpcoming(s)).sort((a, b) => byStart(b, a)),
  }
}
