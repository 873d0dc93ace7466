import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../../db/schema'

type Db = Kysely<Database> | Transaction<Database>

export async function listFavourites(db: Db, userId: string) {
  return db
    .selectFrom('favourites as f')
    .innerJoin('institutions as i', 'i.id', 'f.institutionId')
    .select(['f.institutionId', 'i.name', 'f.createdAt'])
    .where('f.userId', '=', userId)
    .orderBy('f.createdAt', 'desc')
    .orderBy('f.institutionId')
    .execute()
}

export async function institutionExists(db: Db, institutionId: string): Promise<boolean> {
  return (await db.selectFrom('institutions').select('id').where('id', '=', institutionId).executeTakeFirst()) !== undefined
}

export async function existingInstitutionIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set()
  const rows = await db.selectFrom('institutions').select('id').where('id', 'in', ids).execute()
  return new Set(rows.map((r) => r.id))
}

export async function countFavourites(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('favourites')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('userId', '=', userId)
    .executeTakeFirstOrThrow()
  return row.n
}

export async function isFavourite(db: Db, userId: string, institutionId: string): Promise<boolean> {
  const row = await db.selectFrom('favourites').select('userId').where('userId', '=', userId).where('institutionId', '=', institutionId).executeTakeFirst()
  return row !== undefined
}

/** Adds favourites the account lacks; the first id is the newest (the app sends its list newest first). */
export async function addFavourites(db: Db, userId: string, institutionIds: string[]): Promise<void> {
  if (!institutionIds.length) return
  const now = Date.now()
  await db
    .insertInto('favourites')
    .values(institutionIds.map((institutionId, i) => ({ userId, institutionId, createdAt: new Date(now - i).toISOString() })))
    .onConflict((oc) => oc.columns(['userId', 'institutionId']).doNothing())
    .execute()
}

export async function removeFavourite(db: Db, userId: string, institutionId: string): Promise<void> {
  await db.deleteFrom('favourites').where('userId', '=', userId).where('institutionId', '=', institutionId).execute()
}
