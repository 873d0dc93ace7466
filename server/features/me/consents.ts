import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { consentStatuses } from './consent-status'
import { currentPolicyVersion, latestConsents } from './repository'

export async function requireCurrentVersion(db: Kysely<Database>): Promise<string> {
  const version = await currentPolicyVersion(db)
  // Seeded on every start: its absence is a broken deployment, not a client error.
  if (!version) throw new Error('no privacy policy published')
  return version
}

export async function consentsOf(db: Kysely<Database>, userId: string) {
  const [version, latest] = await Promise.all([requireCurrentVersion(db), latestConsents(db, userId)])
  return consentStatuses(latest, version)
}

/** The 403 the app answers by showing the policy and the child-data consent, then retrying. */
export const consentRequired = (message: string) => ({ statusCode: 403, error: 'ConsentRequired', message })

/** Why children may not be added or edited now, or null when both consents are current. */
export async function missingChildConsent(db: Kysely<Database>, userId: string): Promise<string | null> {
  const consents = await consentsOf(db, userId)
  if (consents.privacyPolicy.needed) return '请先阅读并同意最新的《吉林托育个人信息保护政策》 (privacy policy consent required)'
  if (consents.childData.needed) return '添加孩子信息前，需要您作为监护人单独同意处理孩子的信息 (guardian consent to child data required)'
  return null
}
