import { sql, type Kysely, type Transaction } from 'kysely'
import type { CommitteeStatus } from '../../types/institutions'
import type { Database } from '../db/schema'
import { VISIBLE } from './visible-notices'

type Db = Kysely<Database> | Transaction<Database>

/**
 * The parent committee of an institution as detail, compare and the committee page all state it: the registry's
 * establishment date (never inferred from the member count), the people holding the committee role in the app, and
 * the latest notice parents can see. Undefined for an unknown institution.
 */
export async function findCommitteeStatus(db: Db, institutionId: string): Promise<CommitteeStatus | undefined> {
  const result = await sql<CommitteeStatus>`
    SELECT
      i.committee_established_on AS established_on,
      (SELECT count(DISTINCT g.user_id)::int FROM role_grants g
        WHERE g.institution_id = i.id AND g.role = 'committee' AND g.revoked_at IS NULL) AS members_in_app,
      (SELECT max(n.posted_at) FROM notices n WHERE n.institution_id = i.id AND ${VISIBLE}) AS last_notice_at
    FROM institutions i
    WHERE i.id = ${institutionId}`.execute(db)
  return result.rows[0]
}
