import type { Kysely } from 'kysely'
import type {
  PrepaymentFacts,
  PrepaymentFactsInput,
  PrepaymentRule,
  PrepaymentRuleInput,
  PrepaymentRuleList,
  PrepaymentStatus,
} from '../../../types/prepayments'
import { PROVINCE_CODE } from '../../../types/roles'
import type { Database } from '../../db/schema'
import { forbidden, regulatesCity, type Actor } from '../../shared/auth'
import { chinaToday } from '../../shared/china-time'
import { checkedText } from '../../shared/checked-text'
import { badRequest, notFound } from '../../shared/http-errors'
import { prepaymentBadge } from './badge-rules'
import { findFacts, findInstitution, findRule, insertVersion, listRules, ruleInForce, upsertFacts, upsertRule } from './repository'

/** 预收费: what regulators checked, the rules they keep, and the badge parents see. `cityCodes`: every 市州. */

const notFoundInstitution = (id: string) => notFound(`未找到机构 ${id} (institution not found)`)

export async function prepaymentStatus(db: Kysely<Database>, id: string): Promise<PrepaymentStatus> {
  const institution = await findInstitution(db, id)
  if (!institution) throw notFoundInstitution(id)
  const [facts, rule] = await Promise.all([findFacts(db, id), ruleInForce(db, institution.cityCode)])
  const monthlyFeeYuan = institution.monthlyFeeYuan ?? null
  const { badge, reasons } = prepaymentBadge(facts ?? null, rule ?? null, monthlyFeeYuan)
  return {
    institutionId: institution.id,
    badge,
    reasons,
    facts: facts ?? null,
    rule: rule ?? null,
    refundPolicy: institution.refundPolicy,
    prepaymentTerms: institution.prepaymentTerms,
    monthlyFeeYuan,
  }
}

export async function rules(db: Kysely<Database>): Promise<PrepaymentRuleList> {
  return { items: await listRules(db) }
}

/** The province's rule is the province regulators'; a 市州's own rule is that 市州's (or the province's). */
export async function saveRule(
  db: Kysely<Database>,
  actor: Actor,
  regionCode: string,
  input: PrepaymentRuleInput,
  cityCodes: Set<string>,
): Promise<PrepaymentRule> {
  if (regionCode !== PROVINCE_CODE && !cityCodes.has(regionCode)) {
    throw badRequest('regionCode', `规则只能为全省（${PROVINCE_CODE}）或一个市州制定 (not the province or a 市州)`)
  }
  // For 220000 itself this asks for a province regulator.
  if (!regulatesCity(actor.grants, regionCode)) throw forbidden('只能制定本辖区的预收费规则 (outside the region you regulate)')
  const today = chinaToday()
  if (input.sourcePublishedOn > today) throw badRequest('sourcePublishedOn', '文件发布日期不能晚于今天 (sourcePublishedOn in the future)')
  const fields = {
    maxMonths: input.maxMonths,
    escrowAboveYuan: input.escrowAboveYuan,
    ruleText: checkedText('ruleText', input.ruleText, 4),
    sourceDocument: checkedText('sourceDocument', input.sourceDocument, 2),
    sourcePublishedOn: input.sourcePublishedOn,
    checkedOn: today,
    isDemo: false,
  }
  await db.transaction().execute(async (trx) => {
    await upsertRule(trx, regionCode, fields, actor.userId)
    await insertVersion(trx, 'rule', regionCode, input, actor.userId)
  })
  return (await findRule(db, regionCode))!
}

/** What a regulator of the institution's 市州 checked there, recorded as of today. */
export async function recordFacts(db: Kysely<Database>, actor: Actor, id: string, input: PrepaymentFactsInput): Promise<PrepaymentStatus> {
  const institution = await findInstitution(db, id)
  if (!institution) throw notFoundInstitution(id)
  if (!regulatesCity(actor.grants, institution.cityCode)) throw forbidden('只能登记本辖区机构的预收费情况 (outside the 市州 you regulate)')
  const facts: PrepaymentFacts = {
    longestPrepaymentMonths: input.longestPrepaymentMonths,
    escrowBank: input.escrowBank === null ? null : checkedText('escrowBank', input.escrowBank, 2),
    modelContract: input.modelContract,
    checkedOn: chinaToday(),
  }
  await db.transaction().execute(async (trx) => {
    await upsertFacts(trx, id, facts, actor.userId)
    await insertVersion(trx, 'institution', id, input, actor.userId)
  })
  return prepaymentStatus(db, id)
}
