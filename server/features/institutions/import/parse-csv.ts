import { parse } from 'csv-parse/sync'
import { INSTITUTION_KINDS, OWNERSHIPS, PROFIT_TYPES, REGISTERING_AUTHORITIES, SERVICE_FORMS, STAFF_ROLES } from '../../../../types/institutions'
import { findCity } from '../../../db/reference/regions'
import { chinaToday } from '../../../shared/china-time'
import { checkCreditCode } from './credit-code'
import { CSV_COLUMNS, OPTIONAL_COLUMNS, type CsvColumn } from './csv-columns'
import { parseClassFees, parseFeeItems } from './fee-fields'
import { isInsideJilin } from './jilin-boundary'
import { parseClasses, parseEvaluations, parseSanctions, parseService } from './list-fields'
import type { InstitutionRecord, ParseResult, RowError } from './record'
import {
  checkBoolean,
  checkDecimal,
  checkEnum,
  checkInteger,
  checkOptionalText,
  checkPastDate,
  checkPhone,
  checkRequiredText,
  checkTimestamp,
  type Checked,
} from './scalar-fields'

/** Districts of an area lie well within this distance of its centre (the farthest, 长白县, is about 160 km from 白山). */
export const MAX_KM_FROM_CITY_CENTRE = 180

export interface ParseOptions {
  /** YYYY-MM-DD; dates after it are rejected. Defaults to today in China (UTC+8). */
  today?: string
}

interface CsvRecord {
  record: string[]
  raw: string
}

type Cells = Record<CsvColumn, string>

/**
 * Parses and validates a registry CSV (format: docs/import-format.md). Every problem of every row is reported with the
 * file's 1-based line number (the header is line 1; a row with a quoted line break is reported at its first line).
 * Only rows without any problem become records. Errors that concern a whole row or the header have field ''.
 */
export function parseInstitutionsCsv(text: string, options: ParseOptions = {}): ParseResult {
  const today = options.today ?? chinaToday()
  let rows: CsvRecord[]
  try {
    rows = parse(text, { bom: true, trim: true, raw: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true }) as CsvRecord[]
  } catch (error) {
    // Only structural problems get here (e.g. a quote never closed); the rows cannot be told apart any more.
    const csvError = error as { code?: string; lines?: number; message: string }
    return { records: [], errors: [{ line: csvError.lines ?? 1, field: '', reason: describeCsvError(csvError) }] }
  }

  const withLines = numberLines(rows)
  if (withLines.length === 0) return { records: [], errors: [{ line: 1, field: '', reason: '文件为空，第一行应为表头' }] }
  const [header, ...dataRows] = withLines
  const headerProblem = checkHeader(header.record)
  if (headerProblem) return { records: [], errors: [{ line: header.line, field: '', reason: headerProblem }] }

  const errors: RowError[] = []
  const columnIndex = new Map(header.record.map((name, index) => [name, index]))
  const records: ParseResult['records'] = []
  const lineByCreditCode = new Map<string, number>()
  for (const row of dataRows) {
    if (row.record.every((cell) => cell === '')) continue // spreadsheets export blank rows as ",,,,"
    if (row.record.length !== header.record.length) {
      errors.push({ line: row.line, field: '', reason: `该行有${row.record.length}列，表头有${header.record.length}列（含逗号的内容请用英文双引号括起来）` })
      continue
    }
    const cells = Object.fromEntries(CSV_COLUMNS.map((column) => [column, row.record[columnIndex.get(column)!] ?? ''])) as Cells
    const rowErrors: RowError[] = []
    const record = validateRow(cells, today, (field, reason) => rowErrors.push({ line: row.line, field, reason }))
    if (record && rowErrors.length === 0) {
      const firstLine = lineByCreditCode.get(record.creditCode)
      if (firstLine !== undefined) {
        rowErrors.push({ line: row.line, field: 'credit_code', reason: `统一社会信用代码 ${record.creditCode} 与第${firstLine}行重复` })
      } else {
        lineByCreditCode.set(record.creditCode, row.line)
        records.push({ line: row.line, record })
      }
    } else if (cells.credit_code !== '' && !lineByCreditCode.has(cells.credit_code)) {
      // A rejected row still claims its code, so a later row with the same code is reported as a duplicate too.
      lineByCreditCode.set(cells.credit_code, row.line)
    }
    errors.push(...rowErrors)
  }
  return { records, errors }
}

/** csv-parse puts skipped blank lines and the record's own line breaks into `raw`; count them to know where each record starts. */
function numberLines(rows: CsvRecord[]): Array<{ line: number; record: string[] }> {
  let nextLine = 1
  return rows.map(({ record, raw }) => {
    const blankLinesBefore = /^(?:[ \t]*(?:\r\n|\n|\r))*/.exec(raw)![0]
    const line = nextLine + countLineBreaks(blankLinesBefore)
    nextLine += countLineBreaks(raw)
    return { line, record }
  })
}

function describeCsvError(error: { code?: string; message: string }): string {
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') return 'CSV 格式错误：有一个双引号直到文件末尾都没有闭合，请检查带引号的单元格'
  if (error.code === 'CSV_INVALID_CLOSING_QUOTE') return 'CSV 格式错误：双引号闭合后紧跟了其他字符，单元格内的双引号应写成两个（""）'
  return `CSV 格式错误：${error.message}`
}

function countLineBreaks(text: string): number {
  return text.match(/\r\n|\n|\r/g)?.length ?? 0
}

function checkHeader(names: string[]): string | null {
  const expected: readonly string[] = CSV_COLUMNS
  const optional: readonly string[] = OPTIONAL_COLUMNS
  const missing = expected.filter((name) => !names.includes(name) && !optional.includes(name))
  const unknown = names.filter((name) => !expected.includes(name))
  const repeated = names.filter((name, index) => names.indexOf(name) !== index)
  if (missing.length === 0 && unknown.length === 0 && repeated.length === 0) return null
  const problems = [
    missing.length > 0 ? `缺少列 ${missing.join('、')}` : '',
    unknown.length > 0 ? `未知列 ${unknown.join('、')}` : '',
    repeated.length > 0 ? `重复列 ${[...new Set(repeated)].join('、')}` : '',
  ].filter(Boolean)
  return `表头不正确：${problems.join('；')}。应有以下列（顺序不限）：${expected.join(',')}`
}

type Report = (field: CsvColumn, reason: string) => void

function validateRow(cells: Cells, today: string, report: Report): InstitutionRecord | null {
  const get = <T>(field: CsvColumn, checked: Checked<T>): T | undefined => {
    if (checked.ok) return checked.value
    report(field, checked.reason)
    return undefined
  }

  const codeCheck = checkCreditCode(cells.credit_code)
  if (!codeCheck.valid) report('credit_code', cells.credit_code === '' ? '统一社会信用代码不能为空' : codeCheck.reason)
  const name = get('name', checkRequiredText(cells.name, '机构名称', 100))
  const kind = get('kind', checkEnum(cells.kind, INSTITUTION_KINDS, '机构类型'))
  const ownership = get('ownership', checkEnum(cells.ownership, OWNERSHIPS, '举办性质'))
  const profit = get('profit', checkEnum(cells.profit, PROFIT_TYPES, '营利性质'))
  const inclusive = get('inclusive', checkBoolean(cells.inclusive, '是否普惠'))
  const demonstration = get('demonstration', checkBoolean(cells.demonstration, '是否示范'))
  const registeringAuthority = get('registering_authority', checkEnum(cells.registering_authority, REGISTERING_AUTHORITIES, '登记机关类型'))
  const filedOn = get('filed_on', checkPastDate(cells.filed_on, '备案日期', today))
  const filingAuthority = get('filing_authority', checkRequiredText(cells.filing_authority, '备案机关', 100))
  const location = checkLocation(cells, report)
  const address = get('address', checkRequiredText(cells.address, '地址', 200))
  const phone = get('phone', checkPhone(cells.phone))
  const description = get('description', checkOptionalText(cells.description, '机构简介', 2000))
  const refundPolicy = get('refund_policy', checkOptionalText(cells.refund_policy, '退费规则', 1000))
  const prepaymentTerms = get('prepayment_terms', checkOptionalText(cells.prepayment_terms, '预收费说明', 1000))
  const committeeEstablishedOn =
    cells.committee_established_on === '' ? null : get('committee_established_on', checkPastDate(cells.committee_established_on, '家长委员会成立日期', today))
  const isDemo = get('is_demo', checkBoolean(cells.is_demo, '是否演示数据'))
  const updatedAt = cells.updated_at === '' ? null : get('updated_at', checkTimestamp(cells.updated_at, '更新时间', today))

  const services: InstitutionRecord['services'] = []
  for (const form of SERVICE_FORMS) {
    const { service, reasons } = parseService(form, cells[form])
    reasons.forEach((reason) => report(form, reason))
    if (service) services.push(service)
  }
  const classes = parseClasses(cells.classes, kind)
  classes.reasons.forEach((reason) => report('classes', reason))
  const classFees = parseClassFees(cells.class_fees, new Set(services.map((s) => s.form)), new Set(classes.entries.map((k) => k.type)))
  classFees.reasons.forEach((reason) => report('class_fees', reason))
  const feeItems = parseFeeItems(cells.fee_items)
  feeItems.reasons.forEach((reason) => report('fee_items', reason))
  const staff: InstitutionRecord['staff'] = []
  for (const role of STAFF_ROLES) {
    const column = `staff_${role}` as const
    if (cells[column] === '') continue
    const count = get(column, checkInteger(cells[column], '人数', 0, 10000))
    if (count !== undefined) staff.push({ role, count })
  }
  const evaluations = parseEvaluations(cells.evaluations, today)
  evaluations.reasons.forEach((reason) => report('evaluations', reason))
  const sanctions = parseSanctions(cells.sanctions, today)
  sanctions.reasons.forEach((reason) => report('sanctions', reason))

  if (
    !codeCheck.valid ||
    name === undefined ||
    kind === undefined ||
    ownership === undefined ||
    profit === undefined ||
    inclusive === undefined ||
    demonstration === undefined ||
    registeringAuthority === undefined ||
    filedOn === undefined ||
    filingAuthority === undefined ||
    location === null ||
    address === undefined ||
    phone === undefined ||
    description === undefined ||
    refundPolicy === undefined ||
    prepaymentTerms === undefined ||
    committeeEstablishedOn === undefined ||
    isDemo === undefined ||
    updatedAt === undefined
  )
    return null
  return {
    creditCode: cells.credit_code,
    name,
    kind,
    ownership,
    profit,
    inclusive,
    demonstration,
    registeringAuthority,
    filedOn,
    filingAuthority,
    ...location,
    address,
    phone,
    description,
    refundPolicy,
    prepaymentTerms,
    committeeEstablishedOn,
    isDemo,
    updatedAt,
    services,
    classes: classes.entries,
    classFees: classFees.entries,
    feeItems: feeItems.entries,
    staff,
    evaluations: evaluations.entries,
    sanctions: sanctions.entries,
  }
}

/** City, district and coordinates are checked together: the district must belong to the city and the point must lie near it. */
function checkLocation(cells: Cells, report: Report): Pick<InstitutionRecord, 'cityCode' | 'districtCode' | 'lat' | 'lng'> | null {
  const city = findCity(cells.city_code)
  if (!city) report('city_code', cells.city_code === '' ? '市州代码不能为空' : `未知的市州代码 ${cells.city_code}`)
  const district = city?.districts.find((candidate) => candidate.code === cells.district_code)
  if (city && !district) {
    report('district_code', cells.district_code === '' ? '区县代码不能为空' : `区县代码 ${cells.district_code} 不属于${city.name}（${city.code}）`)
  }
  const lat = checkDecimal(cells.lat, '纬度')
  const lng = checkDecimal(cells.lng, '经度')
  if (!lat.ok) report('lat', lat.reason)
  if (!lng.ok) report('lng', lng.reason)
  if (!lat.ok || !lng.ok) return null
  if (!isInsideJilin(lat.value, lng.value)) {
    const swapped = isInsideJilin(lng.value, lat.value) ? '（纬度和经度是否填反了？）' : ''
    report('lat', `坐标不在吉林省境内${swapped}`)
    return null
  }
  if (!city || !district) return null
  const km = distanceKm(lat.value, lng.value, city.lat, city.lng)
  if (km > MAX_KM_FROM_CITY_CENTRE) {
    report('lat', `坐标距${city.name}中心约${Math.round(km)}公里，超过${MAX_KM_FROM_CITY_CENTRE}公里，请核对市州和坐标`)
    return null
  }
  return { cityCode: city.code, districtCode: district.code, lat: lat.value, lng: lng.value }
}

function distanceKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180
  const dLat = (lat2 - lat1) * rad
  const dLng = (lng2 - lng1) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2
  return 2 * 6371 * Math.asin(Math.sqrt(h))
}
