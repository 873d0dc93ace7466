import { CLASS_TYPES, FEE_ITEM_UNITS, FEE_ITEMS, SERVICE_FORMS, type ClassType, type ServiceForm } from '../../../../types/institutions'
import type { InstitutionRecord } from './record'
import { EntryChecks, SERVICE_LABELS, splitEntries, splitParts, type ListOutcome } from './list-fields'
import { checkEnum, checkInteger, checkOptionalText } from './scalar-fields'

type ClassFee = InstitutionRecord['classFees'][number]
type FeeItem = InstitutionRecord['feeItems'][number]

/**
 * "form|class_type|amount" entries separated by ';', e.g. "full_day|infant|3600": the form's fee for that class type,
 * in the form's unit. The form must be offered and the class type must be one of the institution's classes.
 */
export function parseClassFees(cell: string, offered: ReadonlySet<ServiceForm>, classTypes: ReadonlySet<ClassType>): ListOutcome<ClassFee> {
  const outcome: ListOutcome<ClassFee> = { entries: [], reasons: [] }
  const seen = new Set<string>()
  splitEntries(cell).forEach((entry, index) => {
    const checks = new EntryChecks(`第${index + 1}项班级收费：`)
    const parts = splitParts(entry)
    if (parts.length !== 3) {
      checks.add(`应有3项（服务形式|班级类型|收费），实际${parts.length}项`)
      outcome.reasons.push(...checks.reasons)
      return
    }
    const form = checks.get(checkEnum(parts[0], SERVICE_FORMS, '服务形式'))
    const classType = checks.get(checkEnum(parts[1], CLASS_TYPES, '班级类型'))
    const amount = checks.get(checkInteger(parts[2], '收费（元）', 0, 1_000_000))
    if (form !== undefined && !offered.has(form)) checks.add(`该机构没有提供${SERVICE_LABELS[form]}`)
    if (classType !== undefined && !classTypes.has(classType)) checks.add(`该机构没有${classType}类型的班级`)
    if (form !== undefined && classType !== undefined) {
      const key = `${form}|${classType}`
      if (seen.has(key)) checks.add(`${SERVICE_LABELS[form]}的${classType}班级收费重复`)
      seen.add(key)
    }
    if (checks.reasons.length > 0 || form === undefined || classType === undefined || amount === undefined) {
      outcome.reasons.push(...checks.reasons)
      return
    }
    outcome.entries.push({ form, classType, amount })
  })
  return outcome
}

/** "item|amount|unit|note" entries separated by ';', e.g. "meals|20|day|按实际出勤天数收取". Only the allowed items. */
export function parseFeeItems(cell: string): ListOutcome<FeeItem> {
  const outcome: ListOutcome<FeeItem> = { entries: [], reasons: [] }
  splitEntries(cell).forEach((entry, index) => {
    const checks = new EntryChecks(`第${index + 1}项其他收费：`)
    const parts = splitParts(entry)
    if (parts.length !== 4) {
      checks.add(`应有4项（项目|金额|单位|说明），实际${parts.length}项`)
      outcome.reasons.push(...checks.reasons)
      return
    }
    const item = checks.get(checkEnum(parts[0], FEE_ITEMS, '收费项目（只允许伙食费、床品费、意外保险费）'))
    const amount = checks.get(checkInteger(parts[1], '金额（元）', 0, 100_000))
    const unit = checks.get(checkEnum(parts[2], FEE_ITEM_UNITS, '收费单位'))
    const note = checks.get(checkOptionalText(parts[3], '说明', 100))
    if (checks.reasons.length > 0 || item === undefined || amount === undefined || unit === undefined || note === undefined) {
      outcome.reasons.push(...checks.reasons)
      return
    }
    outcome.entries.push({ item, amount, unit, note })
  })
  return outcome
}
