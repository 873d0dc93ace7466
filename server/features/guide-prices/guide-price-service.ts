import type { Kysely } from 'kysely'
import type { GuidePrice, GuidePriceInput, GuidePriceList, GuidePriceQuery, InstitutionPriceCheck, OverCapList, PriceCheck } from '../../../types/guide-prices'
import { PROVINCE_CODE } from '../../../types/roles'
import type { Database } from '../../db/schema'
import { forbidden, regulatesCity, type Actor } from '../../shared/auth'
import { chinaToday } from '../../shared/china-time'
import { checkedText } from '../../shared/checked-text'
import { checkedCity } from '../../shared/city-codes'
import { badRequest, conflict, notFound } from '../../shared/http-errors'
import {
  feesAgainstCaps,
  findCappedInstitution,
  findPrice,
  insertPrice,
  insertVersion,
  overlappingPrice,
  pricesInForce,
  updatePrice,
  type PriceFields,
} from './repository'

/** 指导价/限价: caps regulators set per 市州, and the 普惠 and public institutions above them. `cityCodes`: every 市州. */

export async function guidePricesInForce(db: Kysely<Database>, query: GuidePriceQuery, cityCodes: Set<string>): Promise<GuidePriceList> {
  return { items: await pricesInForce(db, chinaToday(), checkedCity(query.cityCode, cityCodes)) }
}

type CheckRow = Awaited<ReturnType<typeof feesAgainstCaps>>[number]

/** The rows with their caps, as checks. */
async function checksOf(db: Kysely<Database>, rows: CheckRow[]): Promise<Map<string, PriceCheck[]>> {
  const prices = new Map<string, GuidePrice>()
  for (const id of new Set(rows.map((r) => r.guidePriceId))) prices.set(id, (await findPrice(db, id))!)
  const byInstitution = new Map<string, PriceCheck[]>()
  for (const row of rows) {
    const guidePrice = prices.get(row.guidePriceId)!
    const check: PriceCheck = {
      form: row.form,
      classType: row.classType,
      feeYuan: row.fee,
      guidePrice,
      over: row.fee > guidePrice.capYuan,
      overByYuan: Math.max(0, row.fee - guidePrice.capYuan),
    }
    byInstitution.set(row.institutionId, [...(byInstitution.get(row.institutionId) ?? []), check])
  }
  return byInstitution
}

/** Each monthly fee of a 普惠 or public institution against its cap; nothing for the others (caps do not bind them). */
export async function institutionPriceCheck(db: Kysely<Database>, id: string): Promise<InstitutionPriceCheck> {
  const institution = await findCappedInstitution(db, id)
  if (!institution) throw notFound(`未找到机构 ${id} (institution not found)`)
  const capped = institution.inclusive || institution.ownership === 'public'
  const rows = capped ? await feesAgainstCaps(db, { institutionId: id, overOnly: false, today: chinaToday() }) : []
  const checks = (await checksOf(db, rows)).get(id) ?? []
  return { institutionId: id, capped, checks, overCap: checks.some((c) => c.over) }
}

/** The institutions above a cap in the regulator's area (the whole province for a province regulator). */
export async function overCapInstitutions(db: Kysely<Database>, actor: Actor): Promise<OverCapList> {
  const province = actor.grants.some((g) => g.role === 'regulator' && g.regionCode === PROVINCE_CODE)
  const cities = actor.grants.filter((g) => g.role === 'regulator' && g.regionCode).map((g) => g.regionCode!)
  const rows = await feesAgainstCaps(db, { cityCodes: province ? 'all' : cities, overOnly: true, today: chinaToday() })
  const checks = await checksOf(db, rows)
  const seen = new Set<string>()
  const items: OverCapList['items'] = []
  for (const row of rows) {
    if (seen.has(row.institutionId)) continue
    seen.add(row.institutionId)
    items.push({
      institutionId: row.institutionId,
      name: row.name,
      cityName: row.cityName,
      districtName: row.districtName,
      checks: checks.get(row.institutionId)!,
    })
  }
  return { items }
}

function checkedPrice(input: GuidePriceInput, cityCodes: Set<string>): PriceFields {
  const cityCode = checkedCity(input.cityCode, cityCodes)!
  if (input.validTo && input.validTo < input.validFrom) throw badRequest('validTo', '截止日期不能早于起始日期 (validTo before validFrom)')
  return {
    cityCode,
    scope: input.scope,
    classType: input.classType,
    form: input.form,
    capYuan: input.capYuan,
    sourceDocument: checkedText('sourceDocument', input.sourceDocument, 2),
    validFrom: input.validFrom,
    validTo: input.validTo,
    checkedOn: chinaToday(),
  }
}

async function refuseOverlap(db: Kysely<Database>, fields: PriceFields, exceptId: string | null) {
  const other = await overlappingPrice(db, fields, exceptId)
  if (other) {
    throw conflict(
      `同一市州、同一类别已有${other.validFrom}起${other.validTo ? `至${other.validTo}` : ''}的限价，日期不能重叠 (overlaps another cap)`,
      'validFrom',
    )
  }
}

const OUTSIDE = '只能设定本辖区的指导价 (outside the 市州 you regulate)'

export async function createGuidePrice(db: Kysely<Database>, actor: Actor, input: GuidePriceInput, cityCodes: Set<string>): Promise<GuidePrice> {
  const fields = checkedPrice(input, cityCodes)
  if (!regulatesCity(actor.grants, fields.cityCode)) throw forbidden(OUTSIDE)
  await refuseOverlap(db, fields, null)
  const id = await db.transaction().execute(async (trx) => {
    const created = await insertPrice(trx, fields, actor.userId)
    await insertVersion(trx, created, input, actor.userId)
    return created
  })
  return (await findPrice(db, id))!
}

export async function replaceGuidePrice(db: Kysely<Database>, actor: Actor, id: string, input: GuidePriceInput, cityCodes: Set<string>): Promise<GuidePrice> {
  const current = await findPrice(db, id)
  if (!current) throw notFound(`未找到指导价 ${id} (guide price not found)`)
  const fields = checkedPrice(input, cityCodes)
  if (!regulatesCity(actor.grants, current.cityCode) || !regulatesCity(actor.grants, fields.cityCode)) throw forbidden(OUTSIDE)
  await refuseOverlap(db, fields, id)
  await db.transaction().execute(async (trx) => {
    await updatePrice(trx, id, fields, actor.userId)
    await insertVersion(trx, id, input, actor.userId)
  })
  return (await findPrice(db, id))!
}
