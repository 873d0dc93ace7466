import type { Insertable, Kysely, Transaction } from 'kysely'
import type { ConsentsTable, Database } from '../../db/schema'

type Db = Kysely<Database> | Transaction<Database>

export async function currentPolicyVersion(db: Db): Promise<string | undefined> {
  const row = await db.selectFrom('privacyPolicies').select('version').orderBy('publishedAt', 'desc').orderBy('version', 'desc').limit(1).executeTakeFirst()
  return row?.version
}

/** The latest consent row of each kind: it alone decides the status. */
export async function latestConsents(db: Db, userId: string) {
  return db
    .selectFrom('consents')
    .distinctOn('kind')
    .select(['kind', 'policyVersion', 'action', 'at'])
    .where('userId', '=', userId)
    .orderBy('kind')
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .execute()
}

export async function consentHistory(db: Db, userId: string) {
  return db.selectFrom('consents').select(['kind', 'policyVersion', 'action', 'at']).where('userId', '=', userId).orderBy('at').orderBy('id').execute()
}

export async function recordConsent(db: Db, row: Omit<Insertable<ConsentsTable>, 'id' | 'at'>) {
  return db.insertInto('consents').values(row).returning(['kind', 'policyVersion', 'action', 'at']).executeTakeFirstOrThrow()
}
