import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema'

type Db = Kysely<Database> | Transaction<Database>

export async function findUser(db: Db, userId: string) {
  return db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst()
}

/** Role grants of the user with the names of what they apply to; revoked ones only when asked (the export). */
export async function grantsOf(db: Db, userId: string, options: { includeRevoked: boolean }) {
  let query = db
    .selectFrom('roleGrants as g')
    .leftJoin('institutions as i', 'i.id', 'g.institutionId')
    .leftJoin('healthCentres as h', 'h.id', 'g.centreId')
    .leftJoin('regions as r', 'r.code', 'g.regionCode')
    .select([
      'g.id',
      'g.role',
      'g.institutionId',
      'i.name as institutionName',
      'g.centreId',
      'h.name as centreName',
      'g.regionCode',
      'r.name as regionName',
      'g.grantedAt',
      'g.grantedBy',
      'g.revokedAt',
    ])
    .where('g.userId', '=', userId)
  if (!options.includeRevoked) query = query.where('g.revokedAt', 'is', null)
  return query.orderBy('g.grantedAt', 'desc').execute()
}

export async function sessionsOf(db: Db, userId: string) {
  // Never the refresh token hash: the export lists what a session is, not its secret.
  return db.selectFrom('sessions').select(['createdAt', 'method', 'expiresAt', 'revokedAt']).where('userId', '=', userId).orderBy('createdAt', 'desc').execute()
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

/** The user's own complaints (filed signed in, not anonymously), for the export. */
export async function complaintsFiledBy(db: Db, userId: string) {
  return db
    .selectFrom('complaints')
    .select(['trackingNumber', 'category', 'status', 'description', 'contactPhone', 'filedAt'])
    .where('reporterUserId', '=', userId)
    .orderBy('filedAt', 'desc')
    .execute()
}
