import { CLASS_TYPES, FEE_UNITS, SANCTION_KINDS, type InstitutionKind, type ServiceForm } from '../../../../types/institutions'
import { GRADE_SCHEME } from '../../../db/reference/grade-scheme'
import { DIMENSION_SEPARATOR, ENTRY_SEPARATOR, PART_SEPARATOR } from './csv-columns'
import type { InstitutionRecord } from './record'
import { checkDate, checkEnum, checkHours, checkInteger, checkPastDate, checkRequiredText, type Checked } from './scalar-fields'

type Service = InstitutionRecord['services'][number]
type ClassRow = InstitutionRecord['classes'][number]
type EvaluationRow = InstitutionRecord['evaluations'][number]
type SanctionRow = InstitutionRecord['sanctions'][number]

/** A list cell yields the entries that passed and one reason per problem found. */
export interface ListOutcome<T> {
  entries: T[]
  reasons: string[]
}

export const SERVICE_LABELS: Record<ServiceForm, string> = { full_day: '全日托', half_day: '半日托', hourly: '计时托', temporary: '临时托' }
const MAX_TEXT = 200

/** Collects the reasons of several checks on one entry; `get` returns the value only if its check passed. */
export class EntryChecks {
  readonly reasons: string[] = []
  constructor(private readonly prefix: string) {}

  get<T>(checked: Checked<T>): T | undefined {
    if (checked.ok) return checked.value
    this.reasons.push(this.prefix + checked.reason)
    return undefined
  }

  add(reason: string): void {
    this.reasons.push(this.prefix + reason)
  }
}

export function splitEntries(cell: string): string[] {
  return cell
    .split(ENTRY_SEPARATOR)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
}

export function splitParts(entry: string): string[] {
  return entry.split(PART_SEPARATOR).map((part) => part.trim())
}

/** Empty cell: the form is not offered. Otherwise "hours|days|fee|unit", e.g. "07:30-17:30|周一至周五|2200|month". */
export function parseService(form: ServiceForm, cell: string): { service: Service | null; reasons: string[] } {
  if (cell === '') return { service: null, reasons: [] }
  const label = SERVICE_LABELS[form]
  const parts = splitParts(cell)
  if (parts.length !== 4) return { service: null, reasons: [`${label}应有4项（时间|服务日|收费|收费单位），实际${parts.length}项`] }
  const checks = new EntryChecks(`${label}：`)
  const hours = checks.get(checkHours(parts[0], '服务时间'))
  const days = checks.get(checkRequiredText(parts[1], '服务日', 50))
  const fee = checks.get(checkInteger(parts[2], '收费（元）', 0))
  const feeUnit = checks.get(checkEnum(parts[3], FEE_UNITS, '收费单位'))
  if (hours === undefined || days === undefined || fee === undefined || feeUnit === undefined) return { service: null, reasons: checks.reasons }
  return { service: { form, hours, days, fee, feeUnit }, reasons: [] }
}

/** "type|name|minAge-maxAge|capacity|enrolled|caregivers" entries separated by ';'. */
export function parseClasses(cell: string, institutionKind: InstitutionKind | undefined): ListOutcome<ClassRow> {
  const outcome: ListOutcome<ClassRow> = { entries: [], reasons: [] }
  const maxAge = institutionKind === 'kindergarten' ? 48 : 36
  splitEntries(cell).forEach((entry, index) => {
    const checks = new EntryChecks(`第${index + 1}个班级：`)
    const parts = splitParts(entry)
    if (parts.length !== 6) {
      checks.add(`应有6项（类型|名称|月龄|额定人数|在托人数|保育人员数），实际${parts.length}项`)
      outcome.reasons.push(...checks.reasons)
      return
    }
    const type = checks.get(checkEnum(parts[0], CLASS_TYPES, '班级类型'))
    const name = checks.get(checkRequiredText(parts[1], '班级名称', 50))
    const ages = checks.get(checkAgeRange(parts[2], maxAge))
    const capacity = checks.get(checkInteger(parts[3], '额定人数', 1, 1000))
    const enrolled = checks.get(checkInteger(parts[4], '在托人数', 0, 1000))
    const caregivers = checks.get(checkInteger(parts[5], '保育人员数', 0, 1000))
    if (capacity !== undefined && enrolled !== undefined && enrolled > capacity) checks.add(`在托人数 ${enrolled} 超过额定人数 ${capacity}`)
    if (caregivers === 0 && enrolled !== undefined && enrolled > 0) checks.add(`有${enrolled}名在托儿童，保育人员数不能为0`)
    if (
      checks.reasons.length > 0 ||
      type === undefined ||
      name === undefined ||
      ages === undefined ||
      capacity === undefined ||
      enrolled === undefined ||
      caregivers === undefined
    ) {
      outcome.reasons.push(...checks.reasons)
      return
    }
    outcome.entries.push({ type, name, minAgeMonths: ages.min, maxAgeMonths: ages.max, capacity, enrolled, caregivers })
  })
  return outcome
}

function checkAgeRange(value: string, maxAge: number): Checked<{ min: number; max: number }> {
  const match = /^(\d+)-(\d+)$/.exec(value)
  if (!match) return { ok: false, reason: `月龄应写成 起-止（月），如 12-24，实际为 ${value === '' ? '空' : value}` }
  const min = Number(match[1])
  const max = Number(match[2])
  if (min >= max) return { ok: false, reason: `起始月龄 ${min} 应小于截止月龄 ${max}` }
  if (max > maxAge) return { ok: false, reason: `月龄应在 0–${maxAge} 个月之间，实际为 ${value}` }
  return { ok: true, value: { min, max } }
}

/** "round|evaluated_on|valid_until|level|score|d1/…/d7|department" entries separated by ';'. */
export function parseEvaluations(cell: string, today: string): ListOutcome<EvaluationRow> {
  const outcome: ListOutcome<EvaluationRow> = { entries: [], reasons: [] }
  const firstIndexByDate = new Map<string, number>()
  splitEntries(cell).forEach((entry, index) => {
    const checks = new EntryChecks(`第${index + 1}条评价：`)
    const parts = splitParts(entry)
    if (parts.length !== 7) {
      checks.add(`应有7项（批次|评价日期|有效期至|等级|总分|各维度得分|评价部门），实际${parts.length}项`)
      outcome.reasons.push(...checks.reasons)
      return
    }
    const round = checks.get(checkRequiredText(parts[0], '批次', 50))
    const evaluatedOn = checks.get(checkPastDate(parts[1], '评价日期', today))
    const validUntil = checks.get(checkDate(parts[2], '有效期至'))
    const levelCodes = GRADE_SCHEME.levels.map((level) => level.code)
    const level = checks.get(checkEnum(parts[3], levelCodes, '等级'))
    const score = checks.get(checkInteger(parts[4], '总分', 0, GRADE_SCHEME.maxScore))
    const dimensionScores = checks.get(checkDimensionScores(parts[5], score))
    const department = checks.get(checkRequiredText(parts[6], '评价部门', MAX_TEXT))
    if (evaluatedOn !== undefined && validUntil !== undefined && validUntil <= evaluatedOn) checks.add(`有效期至 ${validUntil} 应晚于评价日期 ${evaluatedOn}`)
    if (evaluatedOn !== undefined) {
      const earlier = firstIndexByDate.get(evaluatedOn)
      if (earlier !== undefined) checks.add(`评价日期 ${evaluatedOn} 与第${earlier + 1}条评价重复`)
      else firstIndexByDate.set(evaluatedOn, index)
    }
    if (
      checks.reasons.length > 0 ||
      round === undefined ||
      evaluatedOn === undefined ||
      validUntil === undefined ||
      level === undefined ||
      score === undefined ||
      dimensionScores === undefined ||
      department === undefined
    ) {
      outcome.reasons.push(...checks.reasons)
      return
    }
    outcome.entries.push({ round, evaluatedOn, validUntil, level, score, department, dimensionScores })
  })
  return outcome
}

/** Scores per dimension in the scheme's order, each within its maximum, adding up to the total (when the total is valid). */
function checkDimensionScores(value: string, total: number | undefined): Checked<Record<string, number>> {
  const dimensions = GRADE_SCHEME.dimensions
  const parts = value.split(DIMENSION_SEPARATOR).map((part) => part.trim())
  if (parts.length !== dimensions.length) {
    return { ok: false, reason: `各维度得分应有${dimensions.length}项（${dimensions.map((d) => d.name).join('/')}），实际${parts.length}项` }
  }
  const scores: Record<string, number> = {}
  const problems: string[] = []
  let sum = 0
  dimensions.forEach((dimension, index) => {
    const checked = checkInteger(parts[index], `${dimension.name}得分`, 0)
    if (!checked.ok) return problems.push(checked.reason)
    if (checked.value > dimension.maxScore) return problems.push(`${dimension.name}得分 ${checked.value} 超出满分 ${dimension.maxScore}`)
    scores[dimension.code] = checked.value
    sum += checked.value
  })
  if (problems.length > 0) return { ok: false, reason: problems.join('；') }
  if (total !== undefined && sum !== total) return { ok: false, reason: `各维度得分之和 ${sum} 与总分 ${total} 不符` }
  return { ok: true, value: scores }
}

/** "kind|decided_on|measure|reason|department" entries separated by ';'. */
export function parseSanctions(cell: string, today: string): ListOutcome<SanctionRow> {
  const outcome: ListOutcome<SanctionRow> = { entries: [], reasons: [] }
  const seen = new Map<string, number>()
  splitEntries(cell).forEach((entry, index) => {
    const checks = new EntryChecks(`第${index + 1}条处罚或警示：`)
    const parts = splitParts(entry)
    if (parts.length !== 5) {
      checks.add(`应有5项（类型|决定日期|处理措施|事由|决定部门），实际${parts.length}项`)
      outcome.reasons.push(...checks.reasons)
      return
    }
    const kind = checks.get(checkEnum(parts[0], SANCTION_KINDS, '处理类型'))
    const decidedOn = checks.get(checkPastDate(parts[1], '决定日期', today))
    const measure = checks.get(checkRequiredText(parts[2], '处理措施', MAX_TEXT))
    const reason = checks.get(checkRequiredText(parts[3], '事由', MAX_TEXT))
    const department = checks.get(checkRequiredText(parts[4], '决定部门', MAX_TEXT))
    if (kind !== undefined && decidedOn !== undefined) {
      const key = `${kind} ${decidedOn}`
      const earlier = seen.get(key)
      if (earlier !== undefined) checks.add(`与第${earlier + 1}条的类型和决定日期相同`)
      else seen.set(key, index)
    }
    if (
      checks.reasons.length > 0 ||
      kind === undefined ||
      decidedOn === undefined ||
      measure === undefined ||
      reason === undefined ||
      department === undefined
    ) {
      outcome.reasons.push(...checks.reasons)
      return
    }
    outcome.entries.push({ kind, decidedOn, measure, reason, department })
  })
  return outcome
}
