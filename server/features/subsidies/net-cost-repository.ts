import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema'
import type { MonthlyForm } from '../../../types/subsidies'

type Db = Kysely<Database> | Transaction<Database>

/** What the net cost is worked out from: the institution's 市州, its fee for the form by class, its classes, its charges. */
export async function findCareOffer(db: Db, institutionId: string, form: MonthlyForm) {
  const institution = await db.selectFrom('institutions').select(['id', 'cityCode']).where('id', '=', institutionId).executeTakeFirst()
  if (!institution) return undefined
  const [service, classFees, classes, items] = await Promise.all([
    db
      .selectFrom('institutionServices')
      .select(['fee', 'updatedAt'])
      .where('institutionId', '=', institutionId)
      .where('form', '=', form)
      .where('feeUnit', '=', 'month')
      .executeTakeFirst(),
    db.selectFrom('institutionClassFees').select(['classType', 'amount']).where('institutionId', '=', institutionId).where('form', '=', form).execute(),
    db
      .selectFrom('institutionClasses')
      .select(['type', 'name', 'minAgeMonths', 'maxAgeMonths'])
      .where('institutionId', '=', institutionId)
      .orderBy('position')
      .execute(),
    db.selectFrom('institutionFeeItems').select(['item', 'amount', 'unit']).where('institutionId', '=', institutionId).orderBy('position').execute(),
  ])
  return { cityCode: institution.cityCode, service, classFees, classes, items }
}
