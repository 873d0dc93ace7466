import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { ShippedPolicy } from './policies'

type Db = Kysely<Database>

/** Inserts the versions this release ships that the database lacks; published versions are never rewritten. */
export async function insertMissingPolicies(db: Db, policies: ShippedPolicy[]): Promise<void> {
  if (!policies.length) return
  await db
    .insertInto('privacyPolicies')
    .values(policies.map((p) => ({ version: p.version, publishedAt: p.publishedAt, title: p.title, body: p.body })))
    .onConflict((oc) => oc.column('version').doNothing())
    .execute()
}

export async function findCurrentPolicy(db: Db) {
  return db.selectFrom('privacyPolicies').selectAll().orderBy('publishedAt', 'desc').orderBy('version', 'desc').limit(1).executeTakeFirst()
}

export async function findPolicy(db: Db, version: string) {
  return db.selectFrom('privacyPolicies').selectAll().where('version', '=', version).executeTakeFirst()
}
