import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { findOrCreateUserByPhone, hasActiveGrant, insertGrant } from './repository'

/**
 * Grants regulator for a region to the person with this phone, creating the user if needed (they sign in later with
 * that phone). granted_by stays NULL: no one in the app granted it. Null grantId = they already held it.
 */
export async function grantRegulatorByPhone(db: Kysely<Database>, phone: string, regionCode: string) {
  return db.transaction().execute(async (trx) => {
    const user = await findOrCreateUserByPhone(trx, phone)
    const grant = { userId: user.id, role: 'regulator' as const, institutionId: null, centreId: null, regionCode }
    if (await hasActiveGrant(trx, grant)) return { userId: user.id, userCreated: user.created, grantId: null }
    return { userId: user.id, userCreated: user.created, grantId: await insertGrant(trx, { ...grant, grantedBy: null }) }
  })
}
