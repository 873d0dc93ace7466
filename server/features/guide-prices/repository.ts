import { sql, type Insertable, type Kysely, type Transaction } from 'kysely'
import type { Database, GuidePricesTable } from '../../db/schema'

type Db = Kysely<Database> | Transaction<Database>

export type PriceFields = Omit<Insertable<GuidePricesTable>, 'id' | 'createdBy' | 'updatedBy' | 'updatedAt'>

function selectPrices(db: Db) {
  return db
    .selectFrom('guidePrices as g')
    .innerJoin('regions as c', 'c.code', 'g.cityCode')
    .select([
      'g.id',
      'g.cityCode',
      'c.name as cityName',
      'g.scope',
      'g.classType',
      'g.form',
      'g.capYuan',
      'g.sourceDocument',
      'g.validFrom',
      'g.validTo',
      'g.checkedOn',
    ])
    .orderBy('g.cityCode')
    .orderBy('g.scope')
    .orderBy(sql`array_position(array['infant','toddler','senior','mixed','kindergarten'], g.class_type)`)
    .orderBy('g.form')
    .orderBy('g.validFrom', 'desc')
}

/** In force on `day`: in one 市州, or in all. */
export async function pricesInForce(db: Db, day: string, cityCode: string | null) {
  let query = selectPrices(db)
    .where('g.validFrom', '<=', day)
    .where((eb) => eb.or([eb('g.validTo', 'is', null), eb('g.validTo', '>=', day)]))
  if (cityCode) query = query.where('g.cityCode', '=', cityCode)
  return query.execute()
}

export async function findPrice(db: Db, id: string) {
  return selectPrices(db).where('g.id', '=', id).executeTakeFirst()
}

/** Another cap for the same 市州, scope, class type and form whose dates overlap [from, to]. */
export async function overlappingPrice(db: Db, fields: PriceFields, exceptId: string | null) {
  const to = fields.validTo ?? '9999-12-31'
  return db
    .selectFrom('guidePrices')
    .select(['id', 'validFrom', 'validTo'])
    .where('cityCode', '=', fields.cityCode)
    .where('scope', '=', fields.scope)
    .where('classType', '=', fields.classType)
    .where('form', '=', fields.form)
    .where('validFrom', '<=', to)
    .where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>=', fields.validFrom)]))
    .$if(exceptId !== null, (q) => q.where('id', '!=', exceptId!))
    .executeTakeFirst()
}

export async function insertPrice(db: Db, fields: PriceFields, userId: string): Promise<string> {
  const row = await db
    .insertInto('guidePrices')
    .values({ ...fields, createdBy: userId, updatedBy: userId })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function updatePrice(db: Db, id: string, fields: PriceFields, userId: string): Promise<void> {
  await db
    .updateTable('guidePrices')
    .set({ ...fields, updatedBy: userId, updatedAt: sql<string>`now()` })
    .where('id', '=', id)
    .execute()
}

export async function insertVersion(db: Db, guidePriceId: string, content: unknown, userId: string): Promise<void> {
  await db
    .insertInto('guidePriceVersions')
    .values({ guidePriceId, content: JSON.stringify(content), savedBy: userId })
    .execute()
}

/**
 * Each monthly fee of the chosen 普惠 or public institutions, per class type they hold (a class's own fee, else the
 * form's), beside the cap in force today for it (普惠 caps for 普惠 institutions, 公办 caps for public ones).
 */
export async function feesAgainstCaps(db: Db, filter: { institutionId?: string; cityCodes?: string[] | 'all'; overOnly: boolean; today: string }) {
  const where = [
    sql`(i.inclusive OR i.ownership = 'public')`,
    filter.institutionId ? sql`i.id = ${filter.institutionId}` : null,
    filter.cityCodes && filter.cityCodes !== 'all' ? sql`i.city_code = ANY(${sql.val(filter.cityCodes)}::text[])` : null,
    filter.overOnly ? sql`f.fee > g.cap_yuan` : null,
  ].filter((clause) => clause !== null)
  const result = await sql<{
    institutionId: string
    name: string
    cityName: string
    districtName: string
    form: 'full_day' | 'half_day'
    classType: GuidePricesTable['classType']
    fee: number
    guidePriceId: string
  }>`
    WITH fees AS (
      SELECT DISTINCT s.institution_id, s.form, k.type AS class_type, coalesce(cf.amount, s.fee) AS fee
      FROM institution_services s
      JOIN institution_classes k ON k.institution_id = s.institution_id
      LEFT JOIN institution_class_fees cf ON cf.institution_id = s.institution_id AND cf.form = s.form AND cf.class_type = k.type
      WHERE s.form IN ('full_day', 'half_day') AND s.fee_unit = 'month'
    )
    SELECT i.id AS institution_id, i.name, c.name AS city_name, d.name AS district_name, f.form, f.class_type, f.fee, g.id AS guide_price_id
    FROM fees f
    JOIN institutions i ON i.id = f.institution_id
    JOIN regions c ON c.code = i.city_code
    JOIN regions d ON d.code = i.district_code
    JOIN guide_prices g ON g.city_code = i.city_code AND g.class_type = f.class_type AND g.form = f.form
      AND ((g.scope = 'inclusive' AND i.inclusive) OR (g.scope = 'public' AND i.ownership = 'public'))
      AND g.valid_from <= ${filter.today}::date AND (g.valid_to IS NULL OR g.valid_to >= ${filter.today}::date)
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY c.name, i.name, i.id, f.form, array_position(array['infant','toddler','senior','mixed','kindergarten'], f.class_type), g.scope`.execute(db)
  return result.rows
}

export async function findCappedInstitution(db: Db, id: string) {
  return db.selectFrom('institutions').select(['id', 'inclusive', 'ownership']).where('id', '=', id).executeTakeFirst()
}
