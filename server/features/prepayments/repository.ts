import { sql, type Insertable, type Kysely, type Transaction } from 'kysely'
import type { Database, InstitutionPrepaymentsTable, PrepaymentRulesTable } from '../../db/schema'

type Db = Kysely<Database> | Transaction<Database>

const PROVINCE = '220000'
const PROVINCE_NAME = '吉林省'

export type RuleFields = Pick<
  Insertable<PrepaymentRulesTable>,
  'maxMonths' | 'escrowAboveYuan' | 'ruleText' | 'sourceDocument' | 'sourcePublishedOn' | 'checkedOn' | 'isDemo'
>
export type FactsFields = Pick<Insertable<InstitutionPrepaymentsTable>, 'longestPrepaymentMonths' | 'escrowBank' | 'modelContract' | 'checkedOn'>

function selectRules(db: Db) {
  return db
    .selectFrom('prepaymentRules as r')
    .leftJoin('regions as g', 'g.code', 'r.regionCode')
    .select([
      'r.regionCode',
      sql<string>`coalesce(g.name, ${PROVINCE_NAME})`.as('regionName'),
      'r.maxMonths',
      'r.escrowAboveYuan',
      'r.ruleText',
      'r.sourceDocument',
      'r.sourcePublishedOn',
      'r.checkedOn',
      'r.isDemo',
    ])
}

export type RuleRow = Awaited<ReturnType<typeof listRules>>[number]

/** The province's first, then the 市州's in code order. */
export async function listRules(db: Db) {
  return selectRules(db)
    .orderBy(sql`r.region_code = ${PROVINCE}`, 'desc')
    .orderBy('r.regionCode')
    .execute()
}

/** The rule in force in a 市州: its own, else the province's. */
export async function ruleInForce(db: Db, cityCode: string): Promise<RuleRow | undefined> {
  return selectRules(db)
    .where('r.regionCode', 'in', [cityCode, PROVINCE])
    .orderBy(sql`r.region_code = ${cityCode}`, 'desc')
    .limit(1)
    .executeTakeFirst()
}

export async function findRule(db: Db, regionCode: string): Promise<RuleRow | undefined> {
  return selectRules(db).where('r.regionCode', '=', regionCode).executeTakeFirst()
}

export async function upsertRule(db: Db, regionCode: string, fields: RuleFields, userId: string | null): Promise<void> {
  const values = { ...fields, updatedBy: userId, updatedAt: sql<string>`now()` }
  await db
    .insertInto('prepaymentRules')
    .values({ regionCode, ...values })
    .onConflict((oc) => oc.column('regionCode').doUpdateSet(values))
    .execute()
}

/** The institution's own words and its highest monthly fee (全日托 or 半日托), which the amounts are worked out from. */
export async function findInstitution(db: Db, id: string) {
  return db
    .selectFrom('institutions as i')
    .select((eb) => [
      'i.id',
      'i.cityCode',
      'i.refundPolicy',
      'i.prepaymentTerms',
      'i.isDemo',
      eb
        .selectFrom('institutionServices as s')
        .select((s) => s.fn.max('s.fee').as('fee'))
        .whereRef('s.institutionId', '=', 'i.id')
        .where('s.feeUnit', '=', 'month')
        .as('monthlyFeeYuan'),
    ])
    .where('i.id', '=', id)
    .executeTakeFirst()
}

export async function findFacts(db: Db, institutionId: string) {
  return db
    .selectFrom('institutionPrepayments')
    .select(['longestPrepaymentMonths', 'escrowBank', 'modelContract', 'checkedOn'])
    .where('institutionId', '=', institutionId)
    .executeTakeFirst()
}

export async function upsertFacts(db: Db, institutionId: string, fields: FactsFields, userId: string | null): Promise<void> {
  const values = { ...fields, checkedBy: userId, updatedAt: sql<string>`now()` }
  await db
    .insertInto('institutionPrepayments')
    .values({ institutionId, ...values })
    .onConflict((oc) => oc.column('institutionId').doUpdateSet(values))
    .execute()
}

/** What the regulator sent, as accepted: a later record never loses it. */
export async function insertVersion(db: Db, kind: 'rule' | 'institution', subject: string, content: unknown, userId: string): Promise<void> {
  await db
    .insertInto('prepaymentVersions')
    .values({ kind, subject, content: JSON.stringify(content), savedBy: userId })
    .execute()
}

/** Demo institutions no regulator has recorded yet. */
export async function demoInstitutionsWithoutFacts(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('institutions as i')
    .leftJoin('institutionPrepayments as p', 'p.institutionId', 'i.id')
    .select('i.id')
    .where('i.isDemo', '=', true)
    .where('p.institutionId', 'is', null)
    .orderBy('i.id')
    .execute()
  return rows.map((r) => r.id)
}
