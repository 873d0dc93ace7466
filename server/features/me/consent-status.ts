import type { Selectable } from 'kysely'
import type { ConsentKind, ConsentStatus } from '../../../types/me'
import type { ConsentsTable } from '../../db/schema'

export type ConsentRow = Pick<Selectable<ConsentsTable>, 'kind' | 'policyVersion' | 'action' | 'at'>

/** The latest row of a kind decides: consent is needed when there is none, it was withdrawn, or it was for an older policy. */
export function consentStatus(latest: ConsentRow | undefined, currentVersion: string): ConsentStatus {
  if (!latest || latest.action === 'withdraw') return { currentVersion, acceptedVersion: null, acceptedAt: null, needed: true }
  return { currentVersion, acceptedVersion: latest.policyVersion, acceptedAt: latest.at, needed: latest.policyVersion !== currentVersion }
}

export function consentStatuses(latest: ConsentRow[], currentVersion: string) {
  const of = (kind: ConsentKind) =>
    consentStatus(
      latest.find((row) => row.kind === kind),
      currentVersion,
    )
  return { privacyPolicy: of('privacy_policy'), childData: of('child_data') }
}
