import type { Kysely } from 'kysely'
import type { NetCost, NetCostQuery } from '../../../types/subsidies'
import type { Database } from '../../db/schema'
import { notFound } from '../../shared/http-errors'
import { chinaMonth, checkedBirthMonth } from './entitlement-rules'
import { findCareOffer } from './net-cost-repository'
import { netCostAssumptions, netCostMonths, type CareOffer } from './net-cost-rules'
import { presentProgramme } from './present'
import { listProgrammes } from './repository'

const ITEM_NAMES = { bedding: '床品费', insurance: '意外保险费', meals: '伙食费' } as const

/** What care at an institution would cost a child born in a month, month by month, after the subsidies of its 市州. */
export async function netCostAt(db: Kysely<Database>, institutionId: string, query: NetCostQuery): Promise<NetCost> {
  const asOfMonth = chinaMonth()
  checkedBirthMonth(query.birthMonth, asOfMonth)
  const found = await findCareOffer(db, institutionId, query.form)
  if (!found) throw notFound(`未找到机构 ${institutionId} (institution not found)`)
  const meals = found.items.find((item) => item.item === 'meals' && (item.unit === 'day' || item.unit === 'month'))
  const offer: CareOffer = {
    form: query.form,
    formFee: found.service?.fee ?? null,
    classFees: found.classFees,
    classes: found.classes,
    meals: meals ? { amount: meals.amount, unit: meals.unit as 'day' | 'month' } : null,
    otherItems: found.items.filter((item) => item !== meals).map((item) => ITEM_NAMES[item.item]),
    feesUpdatedOn: found.service ? found.service.updatedAt.slice(0, 10) : null,
  }
  const programmes = (await listProgrammes(db, { cityCode: found.cityCode, allCities: false })).map(presentProgramme)
  const months = netCostMonths(offer, programmes, query.birthMonth, asOfMonth)
  return {
    institutionId,
    form: query.form,
    birthMonth: query.birthMonth,
    asOfMonth,
    months,
    firstMonth: months.find((m) => m.netYuan !== null) ?? null,
    assumptions: netCostAssumptions(offer, programmes, query.birthMonth, asOfMonth),
  }
}
