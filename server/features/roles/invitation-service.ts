import type { Kysely } from 'kysely'
import type { Invitation, InvitationList } from '../../../types/roles'
import type { Database } from '../../db/schema'
import { forbidden, regulatesCity, type Actor } from '../../shared/auth'
import { notFound } from '../../shared/http-errors'
import { newInvitationCode } from './invitation-code'
import { findInstitutionScope, insertInvitation, listActiveInvitations, revokeInvitation } from './repository'

const DAY_MS = 24 * 3600 * 1000

/** The institution's own committee, or a regulator of its 市州, manages its codes. */
async function manageableInstitution(db: Kysely<Database>, actor: Actor, rawId: string) {
  const institution = await findInstitutionScope(db, rawId.toLowerCase())
  if (!institution) throw notFound(`未找到机构 ${rawId} (institution not found)`)
  const ownCommittee = actor.grants.some((g) => g.role === 'committee' && g.institutionId === institution.id)
  if (!ownCommittee && !regulatesCity(actor.grants, institution.cityCode)) {
    throw forbidden('只有该机构的家长委员会成员或所在市州的监管人员可以管理邀请码 (not your institution)')
  }
  return institution
}

export async function createInvitation(
  db: Kysely<Database>,
  actor: Actor,
  institutionId: string,
  options: { validDays?: number; maxUses?: number },
): Promise<Invitation> {
  const institution = await manageableInstitution(db, actor, institutionId)
  const expiresAt = new Date(Date.now() + (options.validDays ?? 30) * DAY_MS).toISOString()
  // 32^8 codes: a clash is rare, so a few fresh draws are plenty.
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const invitation = await insertInvitation(db, {
      code: newInvitationCode(),
      institutionId: institution.id,
      createdBy: actor.userId,
      expiresAt,
      maxUses: options.maxUses ?? 100,
    })
    if (invitation) return invitation
  }
  throw new Error('could not draw a free invitation code')
}

/** Not revoked, not expired, uses left. */
export async function activeInvitations(db: Kysely<Database>, actor: Actor, institutionId: string): Promise<InvitationList> {
  const institution = await manageableInstitution(db, actor, institutionId)
  return { items: await listActiveInvitations(db, institution.id) }
}

/** Links already made stay. */
export async function revokeInvitationCode(db: Kysely<Database>, actor: Actor, institutionId: string, code: string): Promise<void> {
  const institution = await manageableInstitution(db, actor, institutionId)
  if (!(await revokeInvitation(db, institution.id, code.toUpperCase()))) throw notFound('未找到该邀请码 (invitation code not found)')
}
