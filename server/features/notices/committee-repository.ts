import { sql, type Insertable, type Kysely, type Transaction } from 'kysely'
import type { CommitteeMeetingsTable, Database } from '../../db/schema'

type Db = Kysely<Database> | Transaction<Database>

export const DEFAULT_AUTHOR_NAME = '家委会成员'

export async function memberDisplayName(db: Db, userId: string, institutionId: string): Promise<string> {
  const row = await db
    .selectFrom('committeeMemberNames')
    .select('displayName')
    .where('userId', '=', userId)
    .where('institutionId', '=', institutionId)
    .executeTakeFirst()
  return row?.displayName ?? DEFAULT_AUTHOR_NAME
}

export async function committeeMembers(db: Db, institutionId: string) {
  const result = await sql<{ displayName: string; since: string }>`
    SELECT coalesce(m.display_name, ${DEFAULT_AUTHOR_NAME}) AS display_name, min(g.granted_at) AS since
    FROM role_grants g
    LEFT JOIN committee_member_names m ON m.user_id = g.user_id AND m.institution_id = g.institution_id
    WHERE g.institution_id = ${institutionId} AND g.role = 'committee' AND g.revoked_at IS NULL
    GROUP BY g.user_id, m.display_name
    ORDER BY since, display_name`.execute(db)
  return result.rows
}

export async function committeeContact(db: Db, institutionId: string): Promise<string | null> {
  const row = await db.selectFrom('committeeProfiles').select('contact').where('institutionId', '=', institutionId).executeTakeFirst()
  return row?.contact ?? null
}

export async function committeeMeetings(db: Db, institutionId: string) {
  return db
    .selectFrom('committeeMeetings')
    .select(['id', 'heldOn', 'title', 'minutes'])
    .where('institutionId', '=', institutionId)
    .orderBy('heldOn', 'desc')
    .orderBy('createdAt', 'desc')
    .execute()
}

export async function saveDisplayName(db: Db, userId: string, institutionId: string, displayName: string): Promise<void> {
  await db
    .insertInto('committeeMemberNames')
    .values({ userId, institutionId, displayName })
    .onConflict((oc) => oc.columns(['userId', 'institutionId']).doUpdateSet({ displayName }))
    .execute()
}

export async function saveContact(db: Db, institutionId: string, contact: string | null): Promise<void> {
  const updatedAt = new Date().toISOString()
  await db
    .insertInto('committeeProfiles')
    .values({ institutionId, contact, updatedAt })
    .onConflict((oc) => oc.column('institutionId').doUpdateSet({ contact, updatedAt }))
    .execute()
}

export async function insertMeeting(
  db: Db,
  meeting: Required<Pick<Insertable<CommitteeMeetingsTable>, 'institutionId' | 'heldOn' | 'title' | 'minutes' | 'createdBy'>>,
) {
  return db.insertInto('committeeMeetings').values(meeting).returning(['id', 'heldOn', 'title', 'minutes']).executeTakeFirstOrThrow()
}
