import { sql, type Kysely, type Transaction } from 'kysely'
import type { ConsentKind } from '../../../types/me'
import type { Database } from '../../db/schema'

type Db = Kysely<Database> | Transaction<Database>

// ---- account ----

export async function findUser(db: Db, userId: string) {
  return db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst()
}

/** Role grants of the user with the names of what they apply to; revoked ones only when asked (the export). */
export async function grantsOf(db: Db, userId: string, options: { includeRevoked: boolean }) {
  let query = db.selectFrom('roleGrants as g')
    .leftJoin('institutions as i', 'i.id', 'g.institutionId')
    .leftJoin('healthCentres as h', 'h.id', 'g.centreId')
    .leftJoin('regions as r', 'r.code', 'g.regionCode')
    .select([
      'g.id', 'g.role', 'g.institutionId', 'i.name as institutionName', 'g.centreId', 'h.name as centreName',
      'g.regionCode', 'r.name as regionName', 'g.grantedAt', 'g.grantedBy', 'g.revokedAt',
    ])
    .where('g.userId', '=', userId)
  if (!options.includeRevoked) query = query.where('g.revokedAt', 'is', null)
  return query.orderBy('g.grantedAt', 'desc').execute()
}

export async function sessionsOf(db: Db, userId: string) {
  // Never the refresh token hash: the export lists what a session is, not its secret.
  return db.selectFrom('sessions').select(['createdAt', 'method', 'expiresAt', 'revokedAt'])
    .where('userId', '=', userId).orderBy('createdAt', 'desc').execute()
}

/**
 * Deletes the account and every piece of personal data linked to it. The foreign keys would cascade from users,
 * but each table is named here so that a reader (and an auditor) sees what goes.
 */
export async function deleteAccount(trx: Transaction<Database>, userId: string): Promise<void> {
  await trx.deleteFrom('children').where('userId', '=', userId).execute()
  await trx.deleteFrom('consents').where('userId', '=', userId).execute()
  await trx.deleteFrom('institutionLinks').where('userId', '=', userId).execute()
  await trx.deleteFrom('favourites').where('userId', '=', userId).execute()
  await trx.deleteFrom('sessions').where('userId', '=', userId).execute()
  await trx.deleteFrom('roleGrants').where('userId', '=', userId).execute()
  // Complaints are kept (the record of a case must stay) but unlinked from the person: no reporter, no contact phone.
  // The audit trail only allows actor_user_id to be nulled, which is all that happens to it.
  await trx.updateTable('complaints').set({ reporterUserId: null, contactPhone: null }).where('reporterUserId', '=', userId).execute()
  await trx.updateTable('complaintEvents').set({ actorUserId: null }).where('actorUserId', '=', userId).execute()
  // granted_by / revoked_by / created_by on other people's rows become NULL through ON DELETE SET NULL.
  await trx.deleteFrom('users').where('id', '=', userId).execute()
}

// ---- consents ----

export async function currentPolicyVersion(db: Db): Promise<string | undefined> {
  const row = await db.selectFrom('privacyPolicies').select('version')
    .orderBy('publishedAt', 'desc').orderBy('version', 'desc').limit(1).executeTakeFirst()
  return row?.version
}

/** The latest consent row of each kind: it alone decides the status. */
export async function latestConsents(db: Db, userId: string) {
  return db.selectFrom('consents')
    .distinctOn('kind')
    .select(['kind', 'policyVersion', 'action', 'at'])
    .where('userId', '=', userId)
    .orderBy('kind').orderBy('at', 'desc').orderBy('id', 'desc')
    .execute()
}

export async function consentHistory(db: Db, userId: string) {
  return db.selectFrom('consents').select(['kind', 'policyVersion', 'action', 'at'])
    .where('userId', '=', userId).orderBy('at').orderBy('id').execute()
}

export async function recordConsent(db: Db, row: { userId: string; kind: ConsentKind; policyVersion: string; action: 'accept' | 'withdraw' }) {
  return db.insertInto('consents').values(row).returning(['kind', 'policyVersion', 'action', 'at']).executeTakeFirstOrThrow()
}

// ---- children ----

const childColumns = ['id', 'nickname', 'birthMonth', 'createdAt'] as const

export async function listChildren(db: Db, userId: string) {
  return db.selectFrom('children').select(childColumns).where('userId', '=', userId).orderBy('createdAt').orderBy('id').execute()
}

export async function countChildren(db: Db, userId: string): Promise<number> {
  const row = await db.selectFrom('children').select(sql<number>`count(*)::int`.as('n')).where('userId', '=', userId).executeTakeFirstOrThrow()
  return row.n
}

export async function insertChild(db: Db, userId: string, child: { nickname: string; birthMonth: string }) {
  return db.insertInto('children').values({ userId, ...child }).returning(childColumns).executeTakeFirstOrThrow()
}

/** Only the owner's child matches: another parent's child id behaves as unknown. */
export async function findChild(db: Db, userId: string, childId: string) {
  return db.selectFrom('children').select(childColumns).where('id', '=', childId).where('userId', '=', userId).executeTakeFirst()
}

export async function updateChild(db: Db, userId: string, childId: string, child: { nickname: string; birthMonth: string }) {
  return db.updateTable('children').set(child).where('id', '=', childId).where('userId', '=', userId)
    .returning(childColumns).executeTakeFirst()
}

export async function deleteChild(db: Db, userId: string, childId: string): Promise<boolean> {
  const result = await db.deleteFrom('children').where('id', '=', childId).where('userId', '=', userId).executeTakeFirst()
  return result.numDeletedRows > 0n
}

export async function deleteAllChildren(db: Db, userId: string): Promise<number> {
  const result = await db.deleteFrom('children').where('userId', '=', userId).executeTakeFirst()
  return Number(result.numDeletedRows)
}

// ---- institution links ----

export async function findInvitationInstitution(db: Db, code: string) {
  return db.selectFrom('invitations').select('institutionId').where('code', '=', code).executeTakeFirst()
}

/** Inserts the link unless it exists; true when it was new. */
export async function insertLinkIfAbsent(db: Db, link: { userId: string; institutionId: string; invitationCode: string }): Promise<boolean> {
  const inserted = await db.insertInto('institutionLinks').values(link)
    .onConflict((oc) => oc.columns(['userId', 'institutionId']).doNothing())
    .returning('userId').executeTakeFirst()
  return inserted !== undefined
}

/** Takes one use of a valid code in a single statement, so two parents cannot both take the last use. */
export async function consumeInvitation(db: Db, code: string): Promise<boolean> {
  const row = await db.updateTable('invitations').set((eb) => ({ uses: eb('uses', '+', 1) }))
    .where('code', '=', code).where('revokedAt', 'is', null)
    .where('expiresAt', '>', sql<string>`now()`).where((eb) => eb('uses', '<', eb.ref('maxUses')))
    .returning('code').executeTakeFirst()
  return row !== undefined
}

function linksQuery(db: Db, userId: string) {
  return db.selectFrom('institutionLinks as l')
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

// ---- favourites ----

export async function listFavourites(db: Db, userId: string) {
  return db.selectFrom('favourites as f').innerJoin('institutions as i', 'i.id', 'f.institutionId')
    .select(['f.institutionId', 'i.name', 'f.createdAt'])
    .where('f.userId', '=', userId).orderBy('f.createdAt', 'desc').orderBy('f.institutionId').execute()
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
  const row = await db.selectFrom('favourites').select(sql<number>`count(*)::int`.as('n')).where('userId', '=', userId).executeTakeFirstOrThrow()
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
  await db.insertInto('favourites')
    .values(institutionIds.map((institutionId, i) => ({ userId, institutionId, createdAt: new Date(now - i).toISOString() })))
    .onConflict((oc) => oc.columns(['userId', 'institutionId']).doNothing())
    .execute()
}

export async function removeFavourite(db: Db, userId: string, institutionId: string): Promise<void> {
  await db.deleteFrom('favourites').where('userId', '=', userId).where('institutionId', '=', institutionId).execute()
}

/** The user's own complaints (filed signed in, not anonymously), for the export. */
export async function complaintsFiledBy(db: Db, userId: string) {
  return db.selectFrom('complaints')
    .select(['trackingNumber', 'category', 'status', 'description', 'contactPhone', 'filedAt'])
    .where('reporterUserId', '=', userId).orderBy('filedAt', 'desc')
    .execute()
}
