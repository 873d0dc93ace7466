import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { childDataConsent } from './repository'

/**
 * A request hands the child's data to a centre: it needs the guardian's child-data consent, current as the accounts
 * feature counts it (server/features/me/consent-status.ts): the latest row is an acceptance of the current policy.
 * Null when it holds, else the message of the 403 ConsentRequired the app answers by asking for consent again.
 */
export async function missingChildDataConsent(db: Kysely<Database>, userId: string): Promise<string | null> {
  const { latest, currentVersion } = await childDataConsent(db, userId)
  if (latest?.action === 'accept' && latest.policyVersion === currentVersion) return null
  return latest?.action === 'withdraw'
    ? '您已撤回对孩子信息处理的同意，重新同意后才能申请入户指导 (child-data consent withdrawn)'
    : '申请入户指导前，需要您作为监护人同意处理孩子的信息 (guardian consent to child data required)'
}

export { consentRequired } from '../../shared/http-errors'
