import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  ClassParams, ClassSearchQuery, ClassSearchResult, MessageTemplates, MySignUps, ParentingClassDetail, SignUp, SignUpInput, SignUpParams,
} from '../../../types/classes'
import { classCalendar } from './calendar'
import { presentClass, presentDetail, presentSignUp } from './present'
import { findClass, findClasses, findMyLiveSignUp, findSignUp, listSignUpsOfUser, searchClasses, LIVE } from './repository'
import { BEARER, CLASS_TAGS, OPTIONAL_BEARER, errorResponses, optionalUser } from './route-options'
import { toClassSearch } from './rules'
import { cancelSignUp, noSuchClass, noSuchSignUp, signUp } from './seats'
import type { SignUpStatus } from '../../../types/classes'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'

/** The sign-up as its parent sees it, read after the transaction committed. */
export async function signUpView(db: Kysely<Database>, id: string) {
  const row = await findSignUp(db, id)
  if (!row) throw noSuchSignUp()
  return presentSignUp(row, (await findClass(db, row.classId))!)
}

export const parentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database

  app.get('/classes', {
    schema: {
      summary: 'Upcoming parenting classes and activities: near a point (nearest venue first, online ones after) or in a 市州/district (soonest first)',
      tags: CLASS_TAGS, querystring: ClassSearchQuery,
      response: { 200: ClassSearchResult, ...errorResponses(400) },
    },
  }, async (request) => {
    const search = toClassSearch(request.query, app.reference)
    const { rows, total } = await searchClasses(db, search)
    return {
      items: rows.map(presentClass),
      total,
      page: request.query.page ?? 1,
      pageSize: search.limit,
      hasMore: search.offset + rows.length < total,
    }
  })

  app.get('/classes/message-templates', {
    schema: {
      summary: 'The WeChat subscription-message templates to ask the parent for before signing up (null: not offered)',
      tags: CLASS_TAGS, response: { 200: MessageTemplates },
    },
  }, async () => app.settings.classes.messageTemplates)

  app.get('/classes/:id', {
    onRequest: optionalUser(app),
    schema: {
      summary: "One class; with a token also the asker's live sign-up, and the join link of an online class for a parent with a seat",
      tags: CLASS_TAGS, security: OPTIONAL_BEARER, params: ClassParams,
      response: { 200: ParentingClassDetail, ...errorResponses(400, 401, 404) },
    },
  }, async (request) => {
    const row = await findClass(db, request.params.id)
    if (!row) throw noSuchClass()
    const mine = request.userId ? await findMyLiveSignUp(db, row.id, request.userId) : undefined
    return presentDetail(row, mine ?? null)
  })

  app.get('/classes/:id/calendar.ics', {
    schema: {
      summary: 'The class as an iCalendar file (RFC 5545) for "add to calendar"',
      tags: CLASS_TAGS, params: ClassParams,
      response: { 200: { description: 'text/calendar', content: { 'text/calendar': { schema: Type.String() } } }, ...errorResponses(400, 404) },
    },
  }, async (request, reply) => {
    const row = await findClass(db, request.params.id)
    if (!row) throw noSuchClass()
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', `attachment; filename="class-${row.id}.ics"`)
      .send(classCalendar(presentDetail(row, null), row.updatedAt, row.version))
  })

  app.post('/classes/:id/sign-ups', {
    onRequest: app.authenticate,
    schema: {
      summary: 'Sign up (one adult, optionally one child): a seat when one is free, else the waiting list with its position',
      tags: CLASS_TAGS, security: BEARER, params: ClassParams, body: SignUpInput,
      response: { 201: SignUp, ...errorResponses(400, 401, 404, 409) },
    },
  }, async (request, reply) => {
    const id = await signUp(db, request.params.id, request.userId, request.body)
    const view = await signUpView(db, id)
    request.log.info({ classId: request.params.id, signUpId: id, status: view.status }, 'class sign-up')
    return reply.code(201).send(view)
  })

  app.get('/sign-ups', {
    onRequest: app.authenticate,
    schema: {
      summary: '我的报名: upcoming (live, class not ended) soonest first; past (ended or cancelled) newest first',
      tags: CLASS_TAGS, security: BEARER,
      response: { 200: MySignUps, ...errorResponses(401) },
    },
  }, async (request) => {
    const rows = await listSignUpsOfUser(db, request.userId)
    const classes = new Map((await findClasses(db, [...new Set(rows.map((r) => r.classId))])).map((c) => [c.id, c]))
    const now = Date.now()
    const all = rows.map((row) => presentSignUp(row, classes.get(row.classId)!))
    const isUpcoming = (s: (typeof all)[number]) => LIVE.includes(s.status as SignUpStatus) && Date.parse(s.class.endsAt) > now
    const byStart = (a: (typeof all)[number], b: (typeof all)[number]) => Date.parse(a.class.startsAt) - Date.parse(b.class.startsAt)
    return {
      upcoming: all.filter(isUpcoming).sort(byStart),
      past: all.filter((s) => !isUpcoming(s)).sort((a, b) => byStart(b, a)),
    }
  })

  app.post('/sign-ups/:id/cancel', {
    onRequest: app.authenticate,
    schema: {
      summary: 'Cancel a sign-up: a seat until the cut-off (it goes to the first waiting parent), a waiting place until the start',
      tags: CLASS_TAGS, security: BEARER, params: SignUpParams,
      response: { 200: SignUp, ...errorResponses(400, 401, 404, 409) },
    },
  }, async (request) => {
    await cancelSignUp(db, request.params.id, request.userId)
    request.log.info({ signUpId: request.params.id }, 'class sign-up cancelled')
    return signUpView(db, request.params.id)
  })
}
