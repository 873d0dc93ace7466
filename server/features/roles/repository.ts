import { sql, type Insertable, type Kysely, type Transaction } from 'kysely'
import type { Database, HealthCentresTable, InvitationsTable, RoleGrantsTable } from '../../db/schema'
import type { GrantableRole } from './grant-rules'

type Db = Kysely<Database> | Transaction<Database>

export interface GrantFilter {
  /** 市州 codes (or 220000) whose grants the caller may see; null = all (a provincial regulator). */
  scopeCities: string[] | null
  role?: GrantableRole
  regionCode?: string
  institutionId?: string
}

// ---- people and places ----

export async function findUserIdById(db: Db, userId: string) {
  return (await db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst())?.id
}

export async function findUserIdByPhone(db: Db, phone: string) {
  return (await db.selectFrom('users').select('id').where('phone', '=', phone).executeTakeFirst())?.id
}

/** The first regulator is made before they ever sign in: they sign in later with this phone. */
export async function findOrCreateUserByPhone(db: Db, phone: string): Promise<{ id: string; created: boolean }> {
  const inserted = await db
    .insertInto('users')
    .values({ phone })
    .onConflict((oc) => oc.column('phone').doNothing())
    .returning('id')
    .executeTakeFirst()
  if (inserted) return { id: inserted.id, created: true }
  const existing = await db.selectFrom('users').select('id').where('phone', '=', phone).executeTakeFirstOrThrow()
  return { id: existing.id, created: false }
}

export async function findInstitutionScope(db: Db, institutionId: string) {
  return db.selectFrom('institutions').select(['id', 'name', 'cityCode']).where('id', '=', institutionId).executeTakeFirst()
}

export async function findCentreScope(db: Db, centreId: string) {
  return db.selectFrom('healthCentres').select(['id', 'name', 'cityCode']).where('id', '=', centreId).executeTakeFirst()
}

// ---- grants ----

function grantRecords(db: Db) {
  return db
    .selectFrom('roleGrants as g')
    .leftJoin('institutions as i', 'i.id', 'g.institutionId')
    .leftJoin('healthCentres as h', 'h.id', 'g.centreId')
    .leftJoin('regions as r', 'r.code', 'g.regionCode')
    .select((eb) => [
      'g.id',
      'g.userId',
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
      'g.revokedBy',
      eb.fn.coalesce('i.cityCode', 'h.cityCode', 'g.regionCode').as('scopeCityCode'),
    ])
}

export type GrantRecordRow = Awaited<ReturnType<ReturnType<typeof grantRecords>['executeTakeFirstOrThrow']>>

export async function findGrantRecord(db: Db, id: string): Promise<GrantRecordRow | undefined> {
  return grantRecords(db).where('g.id', '=', id).executeTakeFirst()
}

export async function listGrantRecords(db: Db, filter: GrantFilter) {
  let query = grantRecords(db)
  if (filter.scopeCities) {
    if (!filter.scopeCities.length) return []
    query = query.where((eb) => eb(eb.fn.coalesce('i.cityCode', 'h.cityCode', 'g.regionCode'), 'in', filter.scopeCities!))
  }
  if (filter.regionCode) query = query.where((eb) => eb(eb.fn.coalesce('i.cityCode', 'h.cityCode', 'g.regionCode'), '=', filter.regionCode!))
  if (filter.role) query = query.where('g.role', '=', filter.role)
  if (filter.institutionId) query = query.where('g.institutionId', '=', filter.institutionId)
  return query.orderBy('g.grantedAt', 'desc').orderBy('g.id').execute()
}

/** Every scope column is given, null where it does not apply: a grant never means two things. */
export type NewGrant = Required<Pick<Insertable<RoleGrantsTable>, 'userId' | 'role' | 'institutionId' | 'centreId' | 'regionCode' | 'grantedBy'>>

export async function hasActiveGrant(db: Db, grant: Omit<NewGrant, 'grantedBy'>): Promise<boolean> {
  const row = await db
    .selectFrom('roleGrants')
    .select('id')
    .where('userId', '=', grant.userId)
    .where('role', '=', grant.role)
    .where('revokedAt', 'is', null)
    .where('institutionId', 'is not distinct from', grant.institutionId)
    .where('centreId', 'is not distinct from', grant.centreId)
    .where('regionCode', 'is not distinct from', grant.regionCode)
    .executeTakeFirst()
  return row !== undefined
}

/** Null when an identical active grant exists (the partial unique index decides, so concurrent grants make one). */
export async function insertGrant(db: Db, grant: NewGrant): Promise<string | null> {
  const row = await db
    .insertInto('roleGrants')
    .values(grant)
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst()
  return row?.id ?? null
}

/** Revoking keeps the row as the record of who held what, and who ended it. */
export async function revokeGrant(db: Db, id: string, revokedBy: string): Promise<void> {
  await db
    .updateTable('roleGrants')
    .set({ revokedAt: sql<string>`now()`, revokedBy })
    .where('id', '=', id)
    .where('revokedAt', 'is', null)
    .execute()
}

// ---- health centres ----

export type HealthCentreSeed = Omit<Insertable<HealthCentresTable>, 'id' | 'isDemo'>

export async function countHealthCentres(db: Db): Promise<number> {
  const row = await db
    .selectFrom('healthCentres')
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow()
  return row.n
}

export async function insertDemoHealthCentres(db: Db, centres: HealthCentreSeed[]): Promise<void> {
  if (!centres.length) return
  await db
    .insertInto('healthCentres')
    .values(centres.map((c) => ({ ...c, isDemo: true })))
    .onConflict((oc) => oc.column('name').doNothing())
    .execute()
}

export async function listHealthCentres(db: Db, cityCode: string | null) {
  let query = db
    .selectFrom('healthCentres as h')
    .innerJoin('regions as d', 'd.code', 'h.districtCode')
    .innerJoin('regions as c', 'c.code', 'h.cityCode')
    .select(['h.id', 'h.name', 'h.cityCode', 'h.districtCode', 'd.name as districtName', 'h.address', 'h.phone'])
  if (cityCode) query = query.where('h.cityCode', '=', cityCode)
  return query.orderBy('c.sort').orderBy('d.sort').orderBy('h.name').execute()
}

// ---- invitations ----

const invitationColumns = ['code', 'institutionId', 'expiresAt', 'maxUses', 'uses'] as const

/** Inserts unless the code is taken (then undefined: draw another). */
export async function insertInvitation(
  db: Db,
  invitation: Required<Pick<Insertable<InvitationsTable>, 'code' | 'institutionId' | 'createdBy' | 'expiresAt' | 'maxUses'>>,
) {
  return db
    .insertInto('invitations')
    .values(invitation)
    .onConflict((oc) => oc.column('code').doNothing())
    .returning(invitationColumns)
    .executeTakeFirst()
}

export async function listActiveInvitations(db: Db, institutionId: string) {
  return db
    .selectFrom('invitations')
    .select(invitationColumns)
    .where('institutionId', '=', institutionId)
    .where('revokedAt', 'is', null)
    .where('expiresAt', '>', sql<string>`now()`)
    .where((eb) => eb('uses', '<', eb.ref('maxUses')))
    .orderBy('createdAt', 'desc')
    .execute()
}

/** False when the institution has no such code; revoking twice is harmless. */
export async function revokeInvitation(db: Db, institutionId: string, code: string): Promise<boolean> {
  const exists = await db.selectFrom('invitations').select('code').where('code', '=', code).where('institutionId', '=', institutionId).executeTakeFirst()
  if (!exists) return false
  await db
    .updateTable('invitations')
    .set({ revokedAt: sql<string>`now()` })
    .where('code', '=', code)
    .where('revokedAt', 'is', null)
    .execute()
  return true
}
