import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  CommitteeMeeting, CommitteeNoticeList, CommitteePage, CommitteeProfileBody, InstitutionParams, MeetingBody,
} from '../../../types/notices'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { badRequest, notFound } from '../../shared/http-errors'
import { SCENE, assertTextsAllowed } from '../../shared/wechat/content-security'
import { assertCommitteeOf } from './access'
import { presentCommitteeNotice } from './present'
import { BEARER, NOTICE_TAGS, errorResponses } from './route-options'
import {
  committeeContact, committeeMeetings, committeeMembers, findInstitution, imagesOf, insertMeeting, lastPostedAt,
  listCommitteeNotices, saveContact, saveDisplayName,
} from './repository'
import { assertPlainText } from './text-rules'

/** A committee counts as active from three members. */
export const ACTIVE_COMMITTEE_MEMBERS = 3

async function committeePage(db: Kysely<Database>, institutionId: string): Promise<CommitteePage> {
  const [members, contact, lastPosted, meetings] = await Promise.all([
    committeeMembers(db, institutionId), committeeContact(db, institutionId), lastPostedAt(db, institutionId), committeeMeetings(db, institutionId),
  ])
  return { institutionId, active: members.length >= ACTIVE_COMMITTEE_MEMBERS, members, contact, lastPostedAt: lastPosted, meetings }
}

export const committeeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.database
  const asCommittee = app.requireRole('committee')

  app.get('/institutions/:id/committee', {
    schema: {
      summary: "The institution's parent committee: members' display names, contact, last notice, meetings (public)",
      tags: NOTICE_TAGS, params: InstitutionParams,
      response: { 200: CommitteePage, ...errorResponses(400, 404) },
    },
  }, async (request) => {
    const institution = await findInstitution(db, request.params.id)
    if (!institution) throw notFound(`未找到机构 ${request.params.id} (institution not found)`)
    return committeePage(db, institution.id)
  })

  app.get('/institutions/:id/committee/notices', {
    onRequest: asCommittee,
    schema: {
      summary: "Every notice of your committee with read counts and status (withdrawn and taken down ones too)",
      tags: NOTICE_TAGS, security: BEARER, params: InstitutionParams,
      response: { 200: CommitteeNoticeList, ...errorResponses(400, 401, 403) },
    },
  }, async (request) => {
    const { id: institutionId } = request.params
    assertCommitteeOf(request.grants, institutionId)
    const rows = await listCommitteeNotices(db, institutionId, request.userId)
    const images = await imagesOf(db, rows.map((r) => r.id))
    return { items: rows.map((r) => presentCommitteeNotice(r, images, app.settings.jwtSecret)) }
  })

  app.put('/institutions/:id/committee/profile', {
    onRequest: asCommittee,
    schema: {
      summary: "Set your display name on this committee and/or the committee's contact (an empty contact clears it)",
      tags: NOTICE_TAGS, security: BEARER, params: InstitutionParams, body: CommitteeProfileBody,
      response: { 200: CommitteePage, ...errorResponses(400, 401, 403, 503) },
    },
  }, async (request) => {
    const { id: institutionId } = request.params
    const { displayName, contact } = request.body
    assertCommitteeOf(request.grants, institutionId)
    assertPlainText({ displayName, contact })
    const name = displayName?.trim()
    if (displayName !== undefined && !name) {
      throw badRequest('displayName', '显示名称不能为空 (displayName must not be blank)')
    }
    // Both are shown to every visitor of the committee page.
    await assertTextsAllowed(app, request.log, request.userId, SCENE.profile, { displayName: name, contact })
    if (name) await saveDisplayName(db, request.userId, institutionId, name)
    if (contact !== undefined) await saveContact(db, institutionId, contact.trim() || null)
    return committeePage(db, institutionId)
  })

  app.post('/institutions/:id/committee/meetings', {
    onRequest: asCommittee,
    schema: {
      summary: 'Publish the minutes of a committee meeting',
      tags: NOTICE_TAGS, security: BEARER, params: InstitutionParams, body: MeetingBody,
      response: { 201: CommitteeMeeting, ...errorResponses(400, 401, 403, 503) },
    },
  }, async (request, reply) => {
    const { id: institutionId } = request.params
    assertCommitteeOf(request.grants, institutionId)
    const { heldOn, title, minutes } = request.body
    assertPlainText({ title, minutes })
    await assertTextsAllowed(app, request.log, request.userId, SCENE.post, { title, minutes })
    const meeting = await insertMeeting(db, { institutionId, heldOn, title, minutes, createdBy: request.userId })
    return reply.code(201).send(meeting)
  })
}
