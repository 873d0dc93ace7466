import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  ClassParams,
  ClassSearchQuery,
  ClassSearchResult,
  MessageTemplates,
  MySignUps,
  ParentingClassDetail,
  SignUp,
  SignUpInput,
  SignUpParams,
} from '../../../types/classes'
import { BEARER, OPTIONAL_BEARER, errorResponses, optionalUser } from '../../shared/route-schemas'
import { classCalendarFile, classDetail, findParentingClasses, mySignUps, signUpAndAnswer, signUpView } from './parent-service'
import { CLASS_TAGS } from './route-options'
import { cancelSignUp } from './seat-service'

export const parentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database

  app.get(
    '/classes',
    {
      schema: {
        summary: 'Upcoming parenting classes and activities: near a point (nearest venue first, online ones after) or in a 市州/district (soonest first)',
        tags: CLASS_TAGS,
        querystring: ClassSearchQuery,
        response: { 200: ClassSearchResult, ...errorResponses(400) },
      },
    },
    async (request) => findParentingClasses(db, request.query, app.reference),
  )

  app.get(
    '/classes/message-templates',
    {
      schema: {
        summary: 'The WeChat subscription-message templates to ask the parent for before signing up (null: not offered)',
        tags: CLASS_TAGS,
        response: { 200: MessageTemplates },
      },
    },
    async () => app.settings.classes.messageTemplates,
  )

  app.get(
    '/classes/:id',
    {
      onRequest: optionalUser(app),
      schema: {
        summary: "One class; with a token also the asker's live sign-up, and the join link of an online class for a parent with a seat",
        tags: CLASS_TAGS,
        security: OPTIONAL_BEARER,
        params: ClassParams,
        response: { 200: ParentingClassDetail, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => classDetail(db, request.params.id, request.userId || null),
  )

  app.get(
    '/classes/:id/calendar.ics',
    {
      schema: {
        summary: 'The class as an iCalendar file (RFC 5545) for "add to calendar"',
        tags: CLASS_TAGS,
        params: ClassParams,
        response: { 200: { description: 'text/calendar', content: { 'text/calendar': { schema: Type.String() } } }, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const file = await classCalendarFile(db, request.params.id)
      return reply.type('text/calendar; charset=utf-8').header('content-disposition', `attachment; filename="class-${file.id}.ics"`).send(file.ics)
    },
  )

  app.post(
    '/classes/:id/sign-ups',
    {
      // The session is checked by the sign-up statement itself (seat-service), not by a query of its own.
      onRequest: app.verifyAccessToken,
      schema: {
        summary: 'Sign up (one adult, optionally one child): a seat when one is free, else the waiting list with its position',
        tags: CLASS_TAGS,
        security: BEARER,
        params: ClassParams,
        body: SignUpInput,
        response: { 201: SignUp, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      const view = await signUpAndAnswer(db, request.params.id, request, request.body)
      request.log.info({ classId: request.params.id, signUpId: view.id, status: view.status }, 'class sign-up')
      return reply.code(201).send(view)
    },
  )

  app.get(
    '/sign-ups',
    {
      onRequest: app.authenticate,
      schema: {
        summary: '我的报名: upcoming (live, class not ended) soonest first; past (ended or cancelled) newest first',
        tags: CLASS_TAGS,
        security: BEARER,
        response: { 200: MySignUps, ...errorResponses(401) },
      },
    },
    async (request) => mySignUps(db, request.userId),
  )

  app.post(
    '/sign-ups/:id/cancel',
    {
      onRequest: app.authenticate,
      schema: {
        summary: 'Cancel a sign-up: a seat until the cut-off (it goes to the first waiting parent), a waiting place until the start',
        tags: CLASS_TAGS,
        security: BEARER,
        params: SignUpParams,
        response: { 200: SignUp, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request) => {
      await cancelSignUp(db, request.params.id, request.userId)
      request.log.info({ signUpId: request.params.id }, 'class sign-up cancelled')
      return signUpView(db, request.params.id)
    },
  )
}
