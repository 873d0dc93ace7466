import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import { PROVINCE_CODE } from '../../../types/roles'
import type { Database } from '../../db/schema'
import { chinaToday } from '../../shared/china-time'
import { demoInstitutionsWithoutFacts, findRule, upsertFacts, upsertRule, type FactsFields } from './repository'

const BANKS = ['吉林银行', '中国建设银行', '中国工商银行', '长春农商银行']

/** Every kind of badge among the demo institutions, fixed by each one's id so that a restart changes nothing. */
function demoFacts(id: string, today: string): FactsFields | null {
  const n = createHash('sha1').update(id).digest().readUInt32BE(0)
  const bank = BANKS[n % BANKS.length]
  switch (n % 6) {
    case 0:
    case 1:
      return { longestPrepaymentMonths: 3, escrowBank: bank, modelContract: true, checkedOn: today }
    case 2:
      return null // never checked
    case 3:
      return { longestPrepaymentMonths: 6, escrowBank: bank, modelContract: false, checkedOn: today }
    case 4:
      return { longestPrepaymentMonths: 1, escrowBank: null, modelContract: true, checkedOn: today }
    default:
      return { longestPrepaymentMonths: 0, escrowBank: null, modelContract: true, checkedOn: today }
  }
}

/**
 * With demo data only: a province rule marked as demo (when the province has none) and facts for the demo institutions
 * no regulator has recorded. Real institutions and a rule a regulator saved are never touched. Returns how many it added.
 */
export async function seedDemoPrepayments(db: Kysely<Database>, today = chinaToday()): Promise<number> {
  let added = 0
  if (!(await findRule(db, PROVINCE_CODE))) {
    await upsertRule(
      db,
      PROVINCE_CODE,
      {
        maxMonths: 3,
        escrowAboveYuan: 5000,
        ruleText: '【演示数据】托育机构预收费周期不得超过3个月；预收金额超过5000元的，须存入银行监管账户。',
        sourceDocument: '演示规则（非真实文件）',
        sourcePublishedOn: '2025-01-01',
        checkedOn: today,
        isDemo: true,
      },
      null,
    )
    added += 1
  }
  for (const id of await demoInstitutionsWithoutFacts(db)) {
    const facts = demoFacts(id, today)
    if (!facts) continue
    await upsertFacts(db, id, facts, null)
    added += 1
  }
  return added
}
