import { sql, type Insertable, type Kysely, type Selectable, type Transaction } from 'kysely'
import type { Database, SubsidyProgrammesTable } from '../../db/schema'

type Db = Kysely<Database> | Transaction<Database>

export type ProgrammeRow = Omit<Selectable<SubsidyProgrammesTable>, 'createdBy' | 'createdAt' | 'updatedBy' | 'updatedAt'> & { cityName: string | null }
export type ProgrammeFields = Omit<Insertable<SubsidyProgrammesTable>, 'id' | 'createdBy' | 'createdAt' | 'updatedBy' | 'updatedAt'>

function selectProgrammes(db: Db) {
  return db
    .selectFrom('subsidyProgrammes as p')
    .leftJoin('regions as c', 'c.code', 'p.cityCode')
    .select([
      'p.id',
      'p.name',
      'p.level',
      'p.cityCode',
      'c.name as cityName',
      'p.amountPerMonthYuan',
      'p.fromMonth',
      'p.toMonth',
      'p.ageFromMonths',
      'p.ageToMonths',
      'p.eligibility',
      'p.documents',
      'p.howToApply',
      'p.paymentNote',
      'p.officialUrl',
      'p.miniProgramAppId',
      'p.miniProgramPath',
      'p.renewYearly',
      'p.sourceDocument',
      'p.sourcePublishedOn',
      'p.checkedOn',
    ])
    .orderBy(sql`CASE p.level WHEN 'national' THEN 0 WHEN 'province' THEN 1 ELSE 2 END`)
    .orderBy('p.fromMonth')
    .orderBy('p.id')
}

/**
 * Paid in a 市州 (the national and province-wide ones and its own), or in no 市州 in particular (the national and
 * province-wide ones only); `fromMonth`: only those still paying for some month from then on.
 */
export async function listProgrammes(db: Db, filter: { cityCode: string | null; allCities: boolean; runningFrom?: string }): Promise<ProgrammeRow[]> {
  let query = selectProgrammes(db)
  if (!filter.allCities)
    query = query.where((eb) => eb.or([eb('p.cityCode', 'is', null), ...(filter.cityCode ? [eb('p.cityCode', '=', filter.cityCode)] : [])]))
  if (filter.runningFrom) query = query.where((eb) => eb.or([eb('p.toMonth', 'is', null), eb('p.toMonth', '>=', filter.runningFrom!)]))
  return query.execute()
}

/** A regulator's own: every programme (province) or those of its 市州. */
export async function listProgrammesOf(db: Db, cityCodes: string[] | 'all'): Promise<ProgrammeRow[]> {
  if (cityCodes === 'all') return selectProgrammes(db).execute()
  if (cityCodes.length === 0) return []
  return selectProgrammes(db).where('p.cityCode', 'in', cityCodes).execute()
}

export async function findProgramme(db: Db, id: string): Promise<ProgrammeRow | undefined> {
  return selectProgrammes(db).where('p.id', '=', id).executeTakeFirst()
}

export async function insertProgramme(db: Db, fields: ProgrammeFields, userId: string): Promise<string> {
  const row = await db
    .insertInto('subsidyProgrammes')
    .values({ ...fields, createdBy: userId, updatedBy: userId })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** Replaces every field; false when there is no such programme. */
export async function updateProgramme(db: Db, id: string, fields: ProgrammeFields, userId: string): Promise<boolean> {
  const updated = await db
    .updateTable('subsidyProgrammes')
    .set({ ...fields, updatedBy: userId, updatedAt: sql<string>`now()` })
    .where('id', '=', id)
    .executeTakeFirst()
  return updated.numUpdatedRows > 0n
}

/** What the regulator sent, as accepted: a later edit never loses it. */
export async function insertVersion(db: Db, programmeId: string, content: unknown, userId: string): Promise<void> {
  await db
    .insertInto('subsidyProgrammeVersions')
    .values({ programmeId, content: JSON.stringify(content), savedBy: userId })
    .execute()
}

export async function childrenOf(db: Db, userId: string) {
  return db.selectFrom('children').select(['id', 'nickname', 'birthMonth']).where('userId', '=', userId).orderBy('createdAt').orderBy('id').execute()
}
