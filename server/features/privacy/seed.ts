import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { SHIPPED_POLICIES } from './policies'
import { insertMissingPolicies } from './repository'

/** Publishes the privacy policy versions this release ships (insert if missing); safe on every start. */
export async function seedPrivacyPolicies(db: Kysely<Database>): Promise<void> {
  await insertMissingPolicies(db, SHIPPED_POLICIES)
}
