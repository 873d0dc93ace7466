import type { Kysely } from 'kysely'
import type {
  MySubsidies,
  MySubsidyQuery,
  SubsidyEstimate,
  SubsidyEstimateQuery,
  SubsidyProgramme,
  SubsidyProgrammeInput,
  SubsidyProgrammeList,
  SubsidyProgrammeQuery,
} from '../../../types/subsidies'
import { PROVINCE_CODE } from '../../../types/roles'
import type { Database } from '../../db/schema'
import { forbidden, regulatesCity, type Actor } from '../../shared/auth'
import { chinaToday } from '../../shared/china-time'
import { checkedText } from '../../shared/checked-text'
import { checkedCity } from '../../shared/city-codes'
import { badRequest, notFound } from '../../shared/http-errors'
import { chinaMonth, checkedBirthMonth, estimateFor } from './entitlement-rules'
import { presentProgramme } from './present'
import {
  childrenOf,
  findProgramme,
  insertProgramme,
  insertVersion,
  listProgrammes,
  listProgrammesOf,
  updateProgramme,
  type ProgrammeFields,
} from './repository'

/** 育儿补贴: programmes as regulators keep them, and what each child gets. `cityCodes`: every 市州. */

/** Running now or later: in a 市州 (the national, province-wide and its own), or all of them without one. */
export async function publicProgrammes(db: Kysely<Database>, query: SubsidyProgrammeQuery, cityCodes: Set<string>): Promise<SubsidyProgrammeList> {
  const cityCode = checkedCity(query.cityCode, cityCodes)
  const rows = await listProgrammes(db, { cityCode, allCities: cityCode === null, runningFrom: chinaMonth() })
  return { items: rows.map(presentProgramme) }
}

async function programmesPaidIn(db: Kysely<Database>, cityCode: string | null): Promise<SubsidyProgramme[]> {
  return (await listProgrammes(db, { cityCode, allCities: false })).map(presentProgramme)
}

/** For a birth month kept on the parent's device. */
export async function estimateForBirthMonth(db: Kysely<Database>, query: SubsidyEstimateQuery, cityCodes: Set<string>): Promise<SubsidyEstimate> {
  const cityCode = checkedCity(query.cityCode, cityCodes)
  const asOf = chinaMonth()
  const birthMonth = checkedBirthMonth(query.birthMonth, asOf)
  return estimateFor(await programmesPaidIn(db, cityCode), birthMonth, asOf, cityCode !== null)
}

/** One estimate for each of the parent's children. */
export async function subsidiesOfMyChildren(db: Kysely<Database>, userId: string, query: MySubsidyQuery, cityCodes: Set<string>): Promise<MySubsidies> {
  const cityCode = checkedCity(query.cityCode, cityCodes)
  const [children, programmes] = await Promise.all([childrenOf(db, userId), programmesPaidIn(db, cityCode)])
  const asOf = chinaMonth()
  return {
    items: children.map((child) => ({
      childId: child.id,
      nickname: child.nickname,
      estimate: estimateFor(programmes, child.birthMonth, asOf, cityCode !== null),
    })),
  }
}

const isProvinceRegulator = (actor: Actor) => actor.grants.some((g) => g.role === 'regulator' && g.regionCode === PROVINCE_CODE)

/** National and province-wide programmes are the province's to keep; a 市州's top-up is that 市州's (or the province's). */
function mayKeep(actor: Actor, programme: { level: string; cityCode: string | null }): boolean {
  return programme.level === 'city' && programme.cityCode ? regulatesCity(actor.grants, programme.cityCode) : isProvinceRegulator(actor)
}

/** The programmes a regulator may edit, ended ones too. */
export async function programmesKeptBy(db: Kysely<Database>, actor: Actor): Promise<SubsidyProgrammeList> {
  const cities = actor.grants.filter((g) => g.role === 'regulator' && g.regionCode).map((g) => g.regionCode!)
  const rows = await listProgrammesOf(db, isProvinceRegulator(actor) ? 'all' : cities)
  return { items: rows.map(presentProgramme) }
}

const optional = (value: string | null | undefined) => {
  const text = value?.trim()
  return text ? text : null
}

/** The input as it will be stored, or a 400 naming the field at fault. */
function checkedProgramme(input: SubsidyProgrammeInput, cityCodes: Set<string>): ProgrammeFields {
  const cityCode = checkedCity(input.cityCode, cityCodes)
  if (input.level === 'city' && !cityCode) throw badRequest('cityCode', '市州补贴需要填写市州代码 (a city programme needs its 市州)')
  if (input.level !== 'city' && cityCode) throw badRequest('cityCode', '国家和全省的补贴不填市州 (only a city programme has a 市州)')
  const toMonth = optional(input.toMonth)
  if (toMonth && toMonth < input.fromMonth) throw badRequest('toMonth', '结束月份不能早于开始月份 (toMonth before fromMonth)')
  if (input.ageToMonths <= input.ageFromMonths) throw badRequest('ageToMonths', '截止月龄必须大于起始月龄 (ageToMonths must exceed ageFromMonths)')
  const today = chinaToday()
  if (input.sourcePublishedOn > today) throw badRequest('sourcePublishedOn', '文件发布日期不能晚于今天 (sourcePublishedOn in the future)')
  if (input.checkedOn > today) throw badRequest('checkedOn', '核对日期不能晚于今天 (checkedOn in the future)')
  if (input.checkedOn < input.sourcePublishedOn) throw badRequest('checkedOn', '核对日期不能早于文件发布日期 (checkedOn before sourcePublishedOn)')
  const miniProgramAppId = optional(input.miniProgramAppId)
  const miniProgramPath = optional(input.miniProgramPath)
  if (miniProgramPath && !miniProgramAppId) throw badRequest('miniProgramPath', '填写小程序路径时需要小程序AppID (a path needs its app id)')
  const officialUrl = optional(input.officialUrl)
  if (!officialUrl && !miniProgramAppId) throw badRequest('officialUrl', '请填写官方网址或申领小程序，家长需要知道去哪里申请 (where to apply)')
  return {
    name: checkedText('name', input.name, 2),
    level: input.level,
    cityCode,
    amountPerMonthYuan: input.amountPerMonthYuan,
    fromMonth: input.fromMonth,
    toMonth,
    ageFromMonths: input.ageFromMonths,
    ageToMonths: input.ageToMonths,
    eligibility: checkedText('eligibility', input.eligibility, 2),
    documents: input.documents.map((document, index) => checkedText(`documents/${index}`, document, 1)),
    howToApply: checkedText('howToApply', input.howToApply, 2),
    paymentNote: checkedText('paymentNote', input.paymentNote, 0),
    officialUrl,
    miniProgramAppId,
    miniProgramPath,
    renewYearly: input.renewYearly,
    sourceDocument: checkedText('sourceDocument', input.sourceDocument, 2),
    sourcePublishedOn: input.sourcePublishedOn,
    checkedOn: input.checkedOn,
  }
}

const OUTSIDE_SCOPE = '只能维护本辖区的补贴项目：国家和全省的由省级监管部门维护，市州的由该市州维护 (outside the programmes you keep)'

async function programmeById(db: Kysely<Database>, id: string): Promise<SubsidyProgramme> {
  const row = await findProgramme(db, id)
  if (!row) throw notFound(`未找到补贴项目 ${id} (programme not found)`)
  return presentProgramme(row)
}

export async function createProgramme(db: Kysely<Database>, actor: Actor, input: SubsidyProgrammeInput, cityCodes: Set<string>): Promise<SubsidyProgramme> {
  const fields = checkedProgramme(input, cityCodes)
  if (!mayKeep(actor, { level: fields.level, cityCode: fields.cityCode ?? null })) throw forbidden(OUTSIDE_SCOPE)
  const id = await db.transaction().execute(async (trx) => {
    const created = await insertProgramme(trx, fields, actor.userId)
    await insertVersion(trx, created, input, actor.userId)
    return created
  })
  return programmeById(db, id)
}

/** Both the programme as it is and as it would be must be the regulator's to keep. */
export async function replaceProgramme(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  input: SubsidyProgrammeInput,
  cityCodes: Set<string>,
): Promise<SubsidyProgramme> {
  const current = await programmeById(db, id)
  const fields = checkedProgramme(input, cityCodes)
  if (!mayKeep(actor, current) || !mayKeep(actor, { level: fields.level, cityCode: fields.cityCode ?? null })) throw forbidden(OUTSIDE_SCOPE)
  await db.transaction().execute(async (trx) => {
    if (!(await updateProgramme(trx, id, fields, actor.userId))) throw notFound(`未找到补贴项目 ${id} (programme not found)`)
    await insertVersion(trx, id, input, actor.userId)
  })
  return programmeById(db, id)
}
