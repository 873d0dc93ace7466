import type { Selectable } from 'kysely'
import type { PrivacyPoliciesTable } from '../../db/schema'
import { POLICY_2026_11_28 } from './policy-2026-11-28'

/** A published version; the current policy is the one published last. */
export type ShippedPolicy = Selectable<PrivacyPoliciesTable>

/** Every version ever published, oldest first. A new version is a new file added here; old ones stay. */
export const SHIPPED_POLICIES: ShippedPolicy[] = [POLICY_2026_11_28]
