import { sql, type Insertable, type Kysely, type Transaction } from 'kysely'
import type { ChildrenTable, Database } from '../../db/schema'

type Db = Kysely<Database> | Transaction<Database>

/** What a parent gives of a child (a nickname only: minimal collection). */
type ChildFields = Pick<Insertable<ChildrenTable>, 'nickname' | 'birthMonth'>

const childColumns = ['id', 'nickname', 'birthMonth', 'createdAt'] as const

export async function listChildren(db: Db, userId: string) {
  return db.selectFrom('children').select(childColumns).where('userId', '=', userId).orderBy('createdAt').orderBy('id').execute()
}

export async function countChildren(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('children')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('userId', '=', userId)
    .executeTakeFirstOrThrow()
  return row.n
}

export async function insertChild(db: Db, userId: string, child: ChildFields) {
  return db
    .insertInto('children')
    .values({ userId, ...child })
    .returning(childColumns)
    .executeTakeFirstOrThrow()
}

export async function updateChild(db: Db, userId: string, childId: string, child: ChildFields) {
  return db.updateTable('children').set(child).where('id', '=', childId).where('userId', '=', userId).returning(childColumns).executeTakeFirst()
}

export async function deleteChild(db: Db, userId: string, childId: string): Promise<boolean> {
  const result = await db.deleteFrom('children').where('id', '=', childId).where('userId', '=', userId).executeTakeFirst()
  return result.numDeletedRows > 0n
}

export async function deleteAllChildren(db: Db, userId: string): Promise<number> {
  const result = await db.deleteFrom('children').where('userId', '=', userId).executeTakeFirst()
  return Number(result.numDeletedRows)
}
