import type { Kysely } from 'kysely'
import type { LinkedInstitution, LinkedInstitutionList } from '../../../types/me'
import type { Database } from '../../db/schema'
import { notFound } from '../../shared/http-errors'
import { consumeInvitation, deleteLink, findInvitationInstitution, findLink, insertLinkIfAbsent, listLinks } from './link-repository'

const invalidCode = () => notFound('邀请码无效或已过期 (invitation code invalid or expired)')

/** Links the account to the invitation's institution; `created` false when it was linked already (no use of the code taken). */
export async function linkByInvitation(db: Kysely<Database>, userId: string, rawCode: string): Promise<{ created: boolean; link: LinkedInstitution }> {
  const code = rawCode.toUpperCase()
  return db.transaction().execute(async (trx) => {
    const invitation = await findInvitationInstitution(trx, code)
    if (!invitation) throw invalidCode()
    const linked = await insertLinkIfAbsent(trx, { userId, institutionId: invitation.institutionId, invitationCode: code })
    // Linking again is not a second use of the code. Throwing here rolls the new link back.
    if (linked && !(await consumeInvitation(trx, code))) throw invalidCode()
    const link = await findLink(trx, userId, invitation.institutionId)
    return { created: linked, link: link! }
  })
}

export async function linkedInstitutions(db: Kysely<Database>, userId: string): Promise<LinkedInstitutionList> {
  return { items: await listLinks(db, userId) }
}

/** Idempotent. */
export async function unlink(db: Kysely<Database>, userId: string, institutionId: string): Promise<void> {
  await deleteLink(db, userId, institutionId)
}
