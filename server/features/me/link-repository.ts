import { sql, type Insertable, type Kysely, type Transaction } from 'kysely'
import type { Database, InstitutionLinksTable } from '../../db/schema'

type Db = Kysely<Database> | Transaction<Database>

export async function findInvitationInstitution(db: Db, code: string) {
  return db.selectFrom('invitations').select('institutionId').where('code', '=', code).executeTakeFirst()
}

/** Inserts the link unless it exists; true when it was new. */
export async function insertLinkIfAbsent(db: Db, link: Omit<Insertable<InstitutionLinksTable>, 'linkedAt'>): Promise<boolean> {
  const inserted = await db
    .insertInto('institutionLinks')
    .values(link)
    .onConflict((oc) => oc.columns(['userId', 'institutionId']).doNothing())
    .returning('userId')
    .executeTakeFirst()
  return inserted !== undefined
}

/** Takes one use of a valid code in a single statement, so two parents cannot both take the last use. */
export async function consumeInvitation(db: Db, code: string): Promise<boolean> {
  const row = await db
    .updateTable('invitations')
    .set((eb) => ({ uses: eb('uses', '+', 1) }))
    .where('code', '=', code)
    .where('revokedAt', 'is', null)
    .where('expiresAt', '>', sql<string>`now()`)
    .where((eb) => eb('uses', '<', eb.ref('maxUses')))
    .returning('code')
    .executeTakeFirst()
  return row !== undefined
}

function linksQuery(db: Db, userId: string) {
  return db
    .selectFrom('institutionLinks as l')
    .innerJoin('institutions as i', 'i.id', 'l.institutionId')
    .innerJoin('regions as d', 'd.code', 'i.districtCode')
    .select(['l.institutionId', 'i.name', 'd.name as districtName', 'l.linkedAt'])
    .where('l.userId', '=', userId)
}

export async function listLinks(db: Db, userId: string) {
  return linksQuery(db, userId).orderBy('l.linkedAt', 'desc').execute()
}

export async function findLink(db: Db, userId: string, institutionId: string) {
  return linksQuery(db, userId).where('l.institutionId', '=', institutionId).executeTakeFirst()
}

export async function deleteLink(db: Db, userId: string, institutionId: string): Promise<void> {
  await db.deleteFrom('institutionLinks').where('userId', '=', userId).where('institutionId', '=', institutionId).execute()
}
