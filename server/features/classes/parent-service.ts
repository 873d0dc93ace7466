import type { Kysely } from 'kysely'
import type { ClassSearchQuery, ClassSearchResult, MySignUps, ParentingClassDetail, SignUp } from '../../../types/classes'
import type { Database } from '../../db/schema'
import type { Reference } from '../../shared/reference'
import { classCalendar } from './calendar'
import { findClass, findClasses, searchClasses } from './class-repository'
import { presentClass, presentDetail, presentSignUp } from './present'
import { toClassSearch } from './rules'
import { noSuchClass, noSuchSignUp } from './seat-service'
import { LIVE, findMyLiveSignUp, findSignUp, listSignUpsOfUser } from './sign-up-repository'

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

/** The sign-up as its parent sees it (read after the change committed). */
export async function signUpView(db: Kysely<Database>, id: string): Promise<SignUp> {
  const row = await findSignUp(db, id)
  if (!row) throw noSuchSignUp()
  return presentSignUp(row, (await findClass(db, row.classId))!)
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
