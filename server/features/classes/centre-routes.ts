import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import {
  AttendanceBody,
  CancelClassBody,
  CentreClassList,
  CentreClassQuery,
  ClassInput,
  ClassParams,
  ClassReplacement,
  ParentingClassDetail,
  Roster,
  RosterEntry,
  SignUpParams,
} from '../../../types/classes'
import { forbidden } from '../../shared/auth'
import { BEARER, errorResponses } from '../../shared/route-schemas'
import { centreClassDetail, centreClasses, classOfCentres, notYourCentre, publishClass, recordAttendance, rosterOf } from './centre-service'
import { CENTRE_TAGS, staffCentreIds } from './route-options'
import { cancelClass, replaceClass } from './seat-service'

export const centreRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database
  const staffOnly = app.requireRole('centre_staff')
  /** One of the staff member's classes: any other answers 404. */
  const ownClass = (request: FastifyRequest & { params: { id: string } }) => classOfCentres(db, request.params.id, staffCentreIds(request.grants))

  app.get(
    '/centre/classes',
    {
      onRequest: staffOnly,
      schema: {
        summary: "The classes of the staff member's centres (or one of them): upcoming soonest first, past newest first",
        tags: CENTRE_TAGS,
        security: BEARER,
        querystring: CentreClassQuery,
        response: { 200: CentreClassList, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const mine = staffCentreIds(request.grants)
      const { centreId } = request.query
      if (centreId && !mine.includes(centreId)) throw notYourCentre()
      return { items: await centreClasses(db, centreId ? [centreId] : mine, request.query.when ?? 'upcoming') }
    },
  )

  app.post(
    '/centre/classes',
    {
      onRequest: staffOnly,
      schema: {
        summary: "Publish a class or activity of one of your centres (offline: the centre's address and position unless given)",
        tags: CENTRE_TAGS,
        security: BEARER,
        body: ClassInput,
        response: { 201: ParentingClassDetail, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const input = request.body
      if (!staffCentreIds(request.grants).includes(input.centreId)) throw forbidden('只能为您所在的中心发布课堂 (centreId is not one of your centres)')
      const id = await publishClass(db, input, request.userId)
      request.log.info({ classId: id, centreId: input.centreId }, 'class published')
      return reply.code(201).send(await centreClassDetail(db, id))
    },
  )

  app.get(
    '/centre/classes/:id',
    {
      onRequest: staffOnly,
      schema: {
        summary: 'One class of your centres as staff see it (with its online link): what PUT replaces',
        tags: CENTRE_TAGS,
        security: BEARER,
        params: ClassParams,
        response: { 200: ParentingClassDetail, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => centreClassDetail(db, (await ownClass(request)).id),
  )

  app.put(
    '/centre/classes/:id',
    {
      onRequest: staffOnly,
      schema: {
        summary:
          'Change a class, sending all its fields: more seats promote waiting parents at once; fewer than those taken is refused; a new time moves the reminders',
        tags: CENTRE_TAGS,
        security: BEARER,
        params: ClassParams,
        body: ClassReplacement,
        response: { 200: ParentingClassDetail, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await ownClass(request)
      await replaceClass(db, request.params.id, request.body)
      request.log.info({ classId: request.params.id }, 'class changed')
      return centreClassDetail(db, request.params.id)
    },
  )

  app.post(
    '/centre/classes/:id/cancel',
    {
      onRequest: staffOnly,
      schema: {
        summary: 'Cancel a class that has not started: every live sign-up ends and each parent is told',
        tags: CENTRE_TAGS,
        security: BEARER,
        params: ClassParams,
        body: CancelClassBody,
        response: { 200: ParentingClassDetail, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await ownClass(request)
      const told = await cancelClass(db, request.params.id, request.body.reason.trim())
      request.log.info({ classId: request.params.id, signUps: told }, 'class cancelled')
      return centreClassDetail(db, request.params.id)
    },
  )

  app.get(
    '/centre/classes/:id/roster',
    {
      onRequest: staffOnly,
      schema: {
        summary: 'Who signed up: seats first, then the waiting list in order, then cancellations (phones masked)',
        tags: CENTRE_TAGS,
        security: BEARER,
        params: ClassParams,
        response: { 200: Roster, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => rosterOf(db, await ownClass(request)),
  )

  app.post(
    '/centre/sign-ups/:id/attendance',
    {
      onRequest: staffOnly,
      schema: {
        summary: 'Mark a parent with a seat as attended or absent, once the class has started',
        tags: CENTRE_TAGS,
        security: BEARER,
        params: SignUpParams,
        body: AttendanceBody,
        response: { 200: RosterEntry, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => recordAttendance(db, request.params.id, staffCentreIds(request.grants), request.body.attended),
  )
}
