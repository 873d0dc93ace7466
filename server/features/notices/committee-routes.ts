import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CommitteeMeeting, CommitteeNoticeList, CommitteePage, CommitteeProfileBody, InstitutionParams, MeetingBody } from '../../../types/notices'
import { BEARER, errorResponses } from '../../shared/route-schemas'
import { SCENE } from '../../shared/wechat/content-security'
import { assertCommitteeOf } from './access'
import { committeeNotices, committeePage, publishMeeting, updateProfile } from './committee-service'
import { NOTICE_TAGS, textCheckOf } from './route-options'

export const committeeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database
  const asCommittee = app.requireRole('committee')

  app.get(
    '/institutions/:id/committee',
    {
      schema: {
        summary: "The institution's parent committee: members' display names, contact, last notice, meetings (public)",
        tags: NOTICE_TAGS,
        params: InstitutionParams,
        response: { 200: CommitteePage, ...errorResponses(400, 404) },
      },
    },
    async (request) => committeePage(db, request.params.id),
  )

  app.get(
    '/institutions/:id/committee/notices',
    {
      onRequest: asCommittee,
      schema: {
        summary: 'Every notice of your committee with read counts and status (withdrawn and taken down ones too)',
        tags: NOTICE_TAGS,
        security: BEARER,
        params: InstitutionParams,
        response: { 200: CommitteeNoticeList, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      assertCommitteeOf(request.grants, request.params.id)
      return committeeNotices(db, request.params.id, request.userId, app.settings.jwtSecret)
    },
  )

  app.put(
    '/institutions/:id/committee/profile',
    {
      onRequest: asCommittee,
      schema: {
        summary: "Set your display name on this committee and/or the committee's contact (an empty contact clears it)",
        tags: NOTICE_TAGS,
        security: BEARER,
        params: InstitutionParams,
        body: CommitteeProfileBody,
        response: { 200: CommitteePage, ...errorResponses(400, 401, 403, 503) },
      },
    },
    async (request) => {
      assertCommitteeOf(request.grants, request.params.id)
      return updateProfile(db, request.params.id, request.userId, request.body, textCheckOf(app, request, SCENE.profile))
    },
  )

  app.post(
    '/institutions/:id/committee/meetings',
    {
      onRequest: asCommittee,
      schema: {
        summary: 'Publish the minutes of a committee meeting',
        tags: NOTICE_TAGS,
        security: BEARER,
        params: InstitutionParams,
        body: MeetingBody,
        response: { 201: CommitteeMeeting, ...errorResponses(400, 401, 403, 503) },
      },
    },
    async (request, reply) => {
      assertCommitteeOf(request.grants, request.params.id)
      const meeting = await publishMeeting(db, request.params.id, request.userId, request.body, textCheckOf(app, request, SCENE.post))
      return reply.code(201).send(meeting)
    },
  )
}
