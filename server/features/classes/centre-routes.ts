import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  AttendanceBody, CancelClassBody, CentreClassList, CentreClassQuery, ClassInput, ClassParams, ClassReplacement, ParentingClassDetail,
  Roster, RosterEntry, SignUpParams,
} from '../../../types/classes'
import { forbidden } from '../../shared/auth'
import { conflict } from '../../shared/http-errors'
import { presentClass, presentDetail, presentRosterEntry } from './present'
import { findCentre, findClass, insertClass, listCentreClasses, listRoster, markAttendance, SEAT_HOLDING } from './repository'
import { BEARER, CENTRE_TAGS, errorResponses, staffCentreIds } from './route-options'
import { DEFAULT_CANCEL_LEAD_MS, assertClassFields, placeOf } from './rules'
import { cancelClass, noSuchClass, noSuchSignUp, replaceClass } from './seats'
import type { SignUpStatus } from '../../../types/classes'
import type { ActiveGrant } from '../../shared/auth'

const notYourCentre = () => forbidden('只能管理您所在中心的课堂 (not a class of your centre)')

export const centreRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database
  const staffOnly = app.requireRole('centre_staff')

  /** The class, if it is one of the staff member's centres: 404 unknown, 403 another centre's. */
  async function classOfMyCentre(grants: ActiveGrant[], id: string) {
    const row = await findClass(db, id)
    if (!row) throw noSuchClass()
    if (!staffCentreIds(grants).includes(row.centreId)) throw notYourCentre()
    return row
  }

  const detailOf = async (id: string) => presentDetail((await findClass(db, id))!, null, true)

  app.get('/centre/classes', {
    onRequest: staffOnly,
    schema: {
      summary: "The classes of the staff member's centres (or one of them): upcoming soonest first, past newest first",
      tags: CENTRE_TAGS, security: BEARER, querystring: CentreClassQuery,
      response: { 200: CentreClassList, ...errorResponses(400, 401, 403) },
    },
  }, async (request) => {
    const mine = staffCentreIds(request.grants)
    const { centreId } = request.query
    if (centreId && !mine.includes(centreId)) throw notYourCentre()
    const rows = await listCentreClasses(db, centreId ? [centreId] : mine, request.query.when ?? 'upcoming')
    return { items: rows.map(presentClass) }
  })

  app.post('/centre/classes', {
    onRequest: staffOnly,
    schema: {
      summary: 'Publish a class or activity of one of your centres (offline: the centre\'s address and position unless given)',
      tags: CENTRE_TAGS, security: BEARER, body: ClassInput,
      response: { 201: ParentingClassDetail, ...errorResponses(400, 401, 403) },
    },
  }, async (request, reply) => {
    const input = request.body
    if (!staffCentreIds(request.grants).includes(input.centreId)) throw forbidden('只能为您所在的中心发布课堂 (centreId is not one of your centres)')
    const centre = (await findCentre(db, input.centreId))!
    const cancellableUntil = input.cancellableUntil ?? new Date(Date.parse(input.startsAt) - DEFAULT_CANCEL_LEAD_MS).toISOString()
    assertClassFields({ startsAt: input.startsAt, endsAt: input.endsAt, cancellableUntil, minAgeMonths: input.minAgeMonths, maxAgeMonths: input.maxAgeMonths }, true)
    const id = await insertClass(db, {
      centreId: input.centreId, title: input.title, kind: input.kind, topic: input.topic, mode: input.mode,
      description: input.description ?? '', venue: input.venue, ...placeOf(input, centre),
      startsAt: input.startsAt, endsAt: input.endsAt, cancellableUntil, speaker: input.speaker,
      minAgeMonths: input.minAgeMonths, maxAgeMonths: input.maxAgeMonths, capacity: input.capacity, createdBy: request.userId,
    })
    request.log.info({ classId: id, centreId: input.centreId }, 'class published')
    return reply.code(201).send(await detailOf(id))
  })

  app.get('/centre/classes/:id', {
    onRequest: staffOnly,
    schema: {
      summary: 'One class of your centres as staff see it (with its online link): what PUT replaces',
      tags: CENTRE_TAGS, security: BEARER, params: ClassParams,
      response: { 200: ParentingClassDetail, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request) => detailOf((await classOfMyCentre(request.grants, request.params.id)).id))

  app.put('/centre/classes/:id', {
    onRequest: staffOnly,
    schema: {
      summary: 'Change a class, sending all its fields: more seats promote waiting parents at once; fewer than those taken is refused; a new time moves the reminders',
      tags: CENTRE_TAGS, security: BEARER, params: ClassParams, body: ClassReplacement,
      response: { 200: ParentingClassDetail, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (request) => {
    await classOfMyCentre(request.grants, request.params.id)
    await replaceClass(db, request.params.id, request.body)
    request.log.info({ classId: request.params.id }, 'class changed')
    return detailOf(request.params.id)
  })

  app.post('/centre/classes/:id/cancel', {
    onRequest: staffOnly,
    schema: {
      summary: 'Cancel a class that has not started: every live sign-up ends and each parent is told',
      tags: CENTRE_TAGS, security: BEARER, params: ClassParams, body: CancelClassBody,
      response: { 200: ParentingClassDetail, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (request) => {
    await classOfMyCentre(request.grants, request.params.id)
    const told = await cancelClass(db, request.params.id, request.body.reason.trim())
    request.log.info({ classId: request.params.id, signUps: told }, 'class cancelled')
    return detailOf(request.params.id)
  })

  app.get('/centre/classes/:id/roster', {
    onRequest: staffOnly,
    schema: {
      summary: 'Who signed up: seats first, then the waiting list in order, then cancellations (phones masked)',
      tags: CENTRE_TAGS, security: BEARER, params: ClassParams,
      response: { 200: Roster, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request) => {
    const row = await classOfMyCentre(request.grants, request.params.id)
    const entries = await listRoster(db, row.id)
    return {
      classId: row.id,
      capacity: row.capacity,
      confirmedCount: row.confirmedCount,
      waitingCount: row.waitingCount,
      items: entries.map((e) => presentRosterEntry(e, row.startsAt)),
    }
  })

  app.post('/centre/sign-ups/:id/attendance', {
    onRequest: staffOnly,
    schema: {
      summary: 'Mark a parent with a seat as attended or absent, once the class has started',
      tags: CENTRE_TAGS, security: BEARER, params: SignUpParams, body: AttendanceBody,
      response: { 200: RosterEntry, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (request) => {
    const signUp = await db.selectFrom('classSignUps').select(['id', 'classId', 'status']).where('id', '=', request.params.id).executeTakeFirst()
    if (!signUp) throw noSuchSignUp()
    const row = await classOfMyCentre(request.grants, signUp.classId)
    if (!SEAT_HOLDING.includes(signUp.status as SignUpStatus)) throw conflict('只有报名成功的家长可以记录出勤 (only sign-ups with a seat)')
    if (Date.parse(row.startsAt) > Date.now()) throw conflict('课堂开始后才能记录出勤 (the class has not started)')
    await markAttendance(db, signUp.id, request.body.attended)
    const entry = (await listRoster(db, row.id)).find((e) => e.id === signUp.id)!
    return presentRosterEntry(entry, row.startsAt)
  })
}
