import type { Kysely } from 'kysely'
import type { CommitteeMeeting, CommitteeNoticeList, CommitteePage, CommitteeProfileBody, MeetingBody } from '../../../types/notices'
import type { Database } from '../../db/schema'
import { findCommitteeStatus } from '../../shared/committee-status'
import { badRequest, notFound } from '../../shared/http-errors'
import { committeeContact, committeeMeetings, committeeMembers, insertMeeting, saveContact, saveDisplayName } from './committee-repository'
import { imagesOf } from './image-repository'
import { findInstitution, listCommitteeNotices } from './notice-repository'
import { presentCommitteeNotice } from './present'
import { assertPlainText, type TextCheck } from './text-rules'

/** What the parent committee of an institution publishes and sees (its membership checked by the caller). */

async function pageOf(db: Kysely<Database>, institutionId: string): Promise<CommitteePage> {
  const [committee, members, contact, meetings] = await Promise.all([
    findCommitteeStatus(db, institutionId),
    committeeMembers(db, institutionId),
    committeeContact(db, institutionId),
    committeeMeetings(db, institutionId),
  ])
  if (!committee) throw notFound(`未找到机构 ${institutionId} (institution not found)`)
  return { institutionId, committee, members, contact, meetings }
}

/** The public committee page: members' display names, contact, last notice, meetings. */
export async function committeePage(db: Kysely<Database>, institutionId: string): Promise<CommitteePage> {
  const institution = await findInstitution(db, institutionId)
  if (!institution) throw notFound(`未找到机构 ${institutionId} (institution not found)`)
  return pageOf(db, institution.id)
}

/** Every notice of the committee with read counts and status, withdrawn and taken down ones too. */
export async function committeeNotices(db: Kysely<Database>, institutionId: string, userId: string, jwtSecret: string): Promise<CommitteeNoticeList> {
  const rows = await listCommitteeNotices(db, institutionId, userId)
  const images = await imagesOf(
    db,
    rows.map((r) => r.id),
  )
  return { items: rows.map((r) => presentCommitteeNotice(r, images, jwtSecret)) }
}

/** The member's display name on this committee and/or the committee's contact (an empty contact clears it). */
export async function updateProfile(
  db: Kysely<Database>,
  institutionId: string,
  userId: string,
  profile: CommitteeProfileBody,
  checkTexts: TextCheck,
): Promise<CommitteePage> {
  const { displayName, contact } = profile
  assertPlainText({ displayName, contact })
  const name = displayName?.trim()
  if (displayName !== undefined && !name) {
    throw badRequest('displayName', '显示名称不能为空 (displayName must not be blank)')
  }
  // Both are shown to every visitor of the committee page.
  await checkTexts({ displayName: name, contact })
  if (name) await saveDisplayName(db, userId, institutionId, name)
  if (contact !== undefined) await saveContact(db, institutionId, contact.trim() || null)
  return pageOf(db, institutionId)
}

export async function publishMeeting(
  db: Kysely<Database>,
  institutionId: string,
  userId: string,
  meeting: MeetingBody,
  checkTexts: TextCheck,
): Promise<CommitteeMeeting> {
  const { heldOn, title, minutes } = meeting
  assertPlainText({ title, minutes })
  await checkTexts({ title, minutes })
  return insertMeeting(db, { institutionId, heldOn, title, minutes, createdBy: userId })
}
