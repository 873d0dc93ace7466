import type { ClassSearchResult, MessageTemplates, MySignUps, ParentingClass, ParentingClassDetail, SignUp } from '../../../types/classes'
import { getQueryData, invalidate, pagedQuery, query, setQueryData, usePagedList } from '../../services/server-data'
import type { Origin } from '../../utils/origin'
import * as api from './api'
import { buildClassQuery, type ClassFilters } from './filters'
import { isLive } from './format'
import { useClassesStore } from './store'
import { requestClassMessages } from './subscribe'

export const PAGE_SIZE = 10

export function classSearch(origin: Origin | null, filters: ClassFilters) {
  const asked = origin ? buildClassQuery(origin, filters, 1, PAGE_SIZE) : null
  return pagedQuery<ParentingClass, ClassSearchResult>({
    key: ['classes', 'search', asked && { ...asked, page: undefined }],
    fetchPage: (page) => api.searchClasses(buildClassQuery(origin as Origin, filters, page, PAGE_SIZE)),
    itemKey: (item) => item.id,
  })
}

/** The classes for what the parent asked (nothing is fetched until the location is worked out). */
export function useClassSearch() {
  const origin = useClassesStore((s) => s.origin)
  const filters = useClassesStore((s) => s.filters)
  return usePagedList(classSearch(origin, filters), { enabled: origin !== null })
}

/** With a session the answer carries the parent's own sign-up (and the join link of an online class). */
export const classDetail = (id: string) => query({ key: ['classes', 'detail', id], fetch: () => api.getClass(id), account: true })

/** Fetched ahead of the tap: WeChat only shows the subscription prompt when it is asked straight from the tap. */
export const messageTemplates = query({ key: ['classes', 'message-templates'], fetch: () => api.getMessageTemplates(), staleTime: Infinity })

export const mySignUps = query({ key: ['classes', 'mine'], fetch: () => api.listMySignUps(), account: true })

/** Seats, waiting counts, the join link and the parent's own sign-ups all move with a sign-up or a cancel. */
function classChanged(classId: string): void {
  invalidate(classDetail(classId).key)
  invalidate(['classes', 'search'])
  invalidate(mySignUps.key)
}

/** Asks for WeChat messages first (never blocking), then signs up. Throws what the BFF refused. */
export async function signUp(classId: string, childId: string | null): Promise<SignUp> {
  const item = getQueryData<ParentingClassDetail>(classDetail(classId).key)
  const templates = getQueryData<MessageTemplates>(messageTemplates.key) ?? null
  const subscribed = await requestClassMessages(templates, item ? item.seatsLeft <= 0 : false)
  const done = await api.signUp(classId, { childId, subscribed })
  setQueryData<ParentingClassDetail>(
    classDetail(classId).key,
    (detail) => detail && { ...detail, mySignUp: { id: done.id, status: done.status, waitingPosition: done.waitingPosition } },
  )
  classChanged(classId)
  return done
}

/** Upcoming soonest first; past newest first (as the BFF orders them). */
function withCancelled(mine: MySignUps, cancelled: SignUp): MySignUps {
  const upcoming = mine.upcoming.filter((s) => s.id !== cancelled.id)
  const past = [...(isLive(cancelled) ? [] : [cancelled]), ...mine.past.filter((s) => s.id !== cancelled.id)]
  return { upcoming, past: past.sort((a, b) => b.class.startsAt.localeCompare(a.class.startsAt)) }
}

export async function cancelSignUp({ id, classId }: Pick<SignUp, 'id'> & { classId: string }): Promise<SignUp> {
  const cancelled = await api.cancelSignUp(id)
  setQueryData<MySignUps>(mySignUps.key, (mine) => mine && withCancelled(mine, cancelled))
  setQueryData<ParentingClassDetail>(classDetail(classId).key, (detail) => detail && { ...detail, mySignUp: null, onlineUrl: null })
  classChanged(classId)
  return cancelled
}
